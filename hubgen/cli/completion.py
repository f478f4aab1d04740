"""Shell completion scripts for bash, zsh and fish, written from the argparse tree itself, so
that a command or option added to the parser is completed without touching this file."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SHELLS", "Command", "Option", "commands", "script"]

SHELLS = ("bash", "zsh", "fish")


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]
    help: str
    takes: str
    """"" for a flag, "dir" or "file" for a path, "choice" for `choices`, "value" for others."""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    positional: Option | None


def _short(text: str | None) -> str:
    """The help's first clause, without what a shell would read as syntax."""
    text = re.split(r" \(|; ", (text or "").replace("%(default)s", ""), maxsplit=1)[0]
    return re.sub(r"[\[\]:'\"`$\\]", "", text).strip()


def _option(action: argparse.Action) -> Option:
    if action.nargs == 0:
        takes = ""
    elif action.choices:
        takes = "choice"
    elif action.type is Path:
        takes = "dir" if action.metavar == "DIR" else "file"
    else:
        takes = "value"
    choices = tuple(str(c) for c in action.choices or ())
    return Option(tuple(action.option_strings), _short(action.help), takes, choices)


def commands(top: argparse.ArgumentParser) -> list[Command]:
    found = []
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                options = tuple(_option(a) for a in sub._actions if a.option_strings)
                positional = next((_option(a) for a in sub._actions if not a.option_strings), None)
                found.append(Command(name, _short(helps.get(name)), options, positional))
    return found


def script(shell: str, top: argparse.ArgumentParser) -> str:
    tree = commands(top)
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](tree)


def _bash(tree: list[Command]) -> str:
    names = " ".join(c.name for c in tree)
    cases = []
    for command in tree:
        values = []
        for option in command.options:
            if option.takes:
                words = {"dir": "-d", "file": "-f", "choice": f"-W '{' '.join(option.choices)}'",
                         "value": ""}[option.takes]
                reply = f'COMPREPLY=($(compgen {words} -- "$cur"))' if words else "COMPREPLY=()"
                values.append(f"                {'|'.join(option.names)}) {reply}; return;;")
        flags = " ".join(n for o in command.options for n in o.names)
        positional = command.positional
        rest = (f"compgen -W '{' '.join(positional.choices)}' -- \"$cur\""
                if positional and positional.choices else 'compgen -f -- "$cur"')
        cases.append(f"""        {command.name})
            case "$prev" in
{chr(10).join(values) or '                "") ;;'}
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W '{flags}' -- "$cur"))
            else
                COMPREPLY=($({rest}))
            fi;;""")
    return f"""# bash completion for hubgen; load with: source <(hubgen completion bash)
_hubgen() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            -*) ;;
            *) cmd="${{COMP_WORDS[i]}}"; break;;
        esac
    done
    case "$cmd" in
        "") COMPREPLY=($(compgen -W '{names} --help --version' -- "$cur"));;
{chr(10).join(cases)}
    esac
}}
complete -o default -F _hubgen hubgen
"""


def _zsh(tree: list[Command]) -> str:
    described = "\n".join(f"        '{c.name}:{c.help}'" for c in tree)
    cases = []
    for command in tree:
        specs = []
        for option in command.options:
            action = {"": "", "dir": ":DIR:_files -/", "file": ":FILE:_files",
                      "choice": f":VALUE:({' '.join(option.choices)})", "value": ":VALUE:"}[option.takes]
            names = option.names
            if len(names) > 1:
                specs.append(f"'({' '.join(names)})'{{{','.join(names)}}}'[{option.help}]{action}'")
            else:
                specs.append(f"'{names[0]}[{option.help}]{action}'")
        positional = command.positional
        if positional:
            words = f"({' '.join(positional.choices)})" if positional.choices else "_files"
            specs.append(f"'1:{positional.help or 'argument'}:{words}'")
        joined = " \\\n                ".join(specs)
        cases.append(f"        {command.name})\n            _arguments -s \\\n                {joined};;")
    return f"""#compdef hubgen
# zsh completion for hubgen; put it on $fpath as _hubgen, or: source <(hubgen completion zsh)
_hubgen() {{
    local -a commands
    commands=(
{described}
    )
    if (( CURRENT == 2 )); then
        _describe -t commands 'hubgen command' commands
        return
    fi
    local command=$words[2]
    shift words
    (( CURRENT-- ))
    case $command in
{chr(10).join(cases)}
    esac
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _hubgen "$@"
else
    compdef _hubgen hubgen
fi
"""


def _fish(tree: list[Command]) -> str:
    lines = ["# fish completion for hubgen; save as ~/.config/fish/completions/hubgen.fish",
             "complete -c hubgen -f",
             "complete -c hubgen -n __fish_use_subcommand -l version -d 'print the version'"]
    for command in tree:
        lines.append(f"complete -c hubgen -n __fish_use_subcommand -a {command.name}"
                     f" -d '{command.help}'")
        when = f"-n '__fish_seen_subcommand_from {command.name}'"
        for option in command.options:
            names = " ".join(f"-s {n[1:]}" if len(n) == 2 else f"-l {n[2:]}" for n in option.names)
            takes = {"": "", "dir": " -r -F", "file": " -r -F",
                     "choice": f" -x -a '{' '.join(option.choices)}'", "value": " -x"}[option.takes]
            lines.append(f"complete -c hubgen {when} {names}{takes} -d '{option.help}'")
        positional = command.positional
        if positional and positional.choices:
            lines.append(f"complete -c hubgen {when} -a '{' '.join(positional.choices)}'")
        elif positional and positional.takes in ("dir", "file"):
            lines.append(f"complete -c hubgen {when} -F")
    return "\n".join(lines) + "\n"
