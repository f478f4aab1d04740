"""hubgen installed the way users install it works away from the repository: the default theme
and the scaffold come with the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import REPO


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def test_installed_package_builds_a_new_site(tmp_path: Path) -> None:
    # Install from a copy of the sources, so the build leaves nothing (build/, *.egg-info) in the
    # repository. Copy what the package is made of, no caches and no demo site.
    source = tmp_path / "source"
    shutil.copytree(REPO / "hubgen", source / "hubgen",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(REPO / "themes", source / "themes")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).is_file():
            shutil.copy(REPO / name, source / name)

    # --no-deps, and a .pth naming the test environment's site-packages: the dependencies
    # (Jinja2, PyYAML, …) come from the environment running the tests instead of being
    # downloaded again, which keeps this fast. (--system-site-packages would give the base
    # interpreter's packages, not this environment's.) What is tested is hubgen's own
    # packaging: a regular (not editable) install of it.
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    python, command = venv / "bin" / "python", venv / "bin" / "hubgen"
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                  tmp_path).stdout.strip()
    (Path(purelib) / "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
         str(source)], tmp_path)
    assert command.is_file()

    # A working folder outside the repository and outside the copied sources.
    work = tmp_path / "work"
    work.mkdir()
    where = run([str(python), "-c", "import hubgen; print(hubgen.__file__)"], work).stdout.strip()
    package = Path(where).parent
    assert package.is_relative_to(venv), f"the venv imports hubgen from {package}, not its own copy"

    run([str(command), "init", "x"], work)
    run([str(command), "build"], work / "x")
    public = work / "x" / "public"
    assert (public / "index.html").is_file()
    style = public / "assets" / "style.css"
    assert style.is_file()
    assert style.read_bytes() == (package / "themes/default/static/assets/style.css").read_bytes()
    assert "Example Newsroom" in (public / "index.html").read_text(encoding="utf-8")
    assert (work / "x" / "kit" / "snippets.json").is_file()
    assert (package / "channels" / "bluesky_tlds.json").is_file()  # package data: Bluesky's TLDs
    assert sorted(p.name for p in work.iterdir()) == ["x"]


def test_every_subpackage_is_packaged() -> None:
    # pyproject.toml lists the packages by hand (the themes are mapped in from the top level),
    # so a new subpackage must be added there or the wheel lacks it.
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "hubgen").rglob("__init__.py")}
    assert found | {"hubgen.themes"} == listed
