"""`hubgen completion SHELL`: scripts written from the parser, so they know every command and
option; the bash one is run in bash to see what it completes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_hubgen

from hubgen.cli.completion import commands
from hubgen.cli.main import parser


def script(tmp_path: Path, shell: str) -> Path:
    result = run_hubgen(tmp_path, "completion", shell)
    assert (result.returncode, result.stderr) == (0, "")
    path = tmp_path / f"hubgen.{shell}"
    path.write_text(result.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_command_and_option_is_in_the_script(tmp_path: Path, shell: str) -> None:
    text = script(tmp_path, shell).read_text(encoding="utf-8")
    tree = commands(parser())
    assert {c.name for c in tree} == {"init", "new", "check", "build", "serve", "snippets", "completion"}
    for command in tree:
        assert command.name in text
        for option in command.options:
            for name in option.names:
                written = {"fish": f"-s {name[1:]}" if len(name) == 2 else f"-l {name[2:]}"}.get(shell, name)
                assert written in text, (command.name, name)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_scripts_are_valid_syntax(tmp_path: Path, shell: str) -> None:
    if shutil.which(shell) is None:
        if shell == "bash":
            pytest.fail("bash is missing")
        pytest.skip(f"{shell} is not installed")
    check = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}[shell]
    result = subprocess.run([*check, str(script(tmp_path, shell))], capture_output=True, text=True,
                            timeout=30)
    assert (result.returncode, result.stderr) == (0, "")


def complete(path: Path, *words: str) -> list[str]:
    """What the bash script offers for the command line `words` (the last one being typed)."""
    line = " ".join(f"'{w}'" for w in words)
    program = (f"source {path}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _hubgen;"
               ' printf "%s\\n" "${COMPREPLY[@]}"')
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30,
                            cwd=path.parent)
    assert result.returncode == 0, result.stderr
    return sorted(filter(None, result.stdout.splitlines()))


def test_bash_completes_commands_options_and_values(tmp_path: Path) -> None:
    path = script(tmp_path, "bash")
    assert complete(path, "hubgen", "b") == ["build"]
    assert complete(path, "hubgen", "s") == ["serve", "snippets"]
    assert complete(path, "hubgen", "build", "--d") == ["--drafts"]
    assert set(complete(path, "hubgen", "serve", "-")) >= {
        "-h", "--help", "--bind", "--host", "-p", "--port", "--open", "-D", "--drafts", "--buildDrafts",
        "-F", "--future", "--buildFuture", "--site", "-v", "--verbose", "-q", "--quiet"}
    assert complete(path, "hubgen", "check", "--format", "") == ["json", "text"]
    assert complete(path, "hubgen", "completion", "") == ["bash", "fish", "zsh"]
    (tmp_path / "sites").mkdir()
    assert complete(path, "hubgen", "build", "--site", "si") == ["sites"]


def test_fish_completes_commands_and_options(tmp_path: Path) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    path = script(tmp_path, "fish")

    def offered(line: str) -> list[str]:
        result = subprocess.run(["fish", "--no-config", "-c", f"source {path}; complete -C '{line}'"],
                                capture_output=True, text=True, timeout=30)
        return sorted(entry.split("\t")[0] for entry in result.stdout.splitlines())

    assert offered("hubgen bu") == ["build"]
    assert offered("hubgen build --d") == ["--drafts"]
    assert {"--drafts", "--port", "--bind"} <= set(offered("hubgen serve --"))
    assert offered("hubgen completion ") == ["bash", "fish", "zsh"]
