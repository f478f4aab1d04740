from hubgen.cli.main import main

raise SystemExit(main())
