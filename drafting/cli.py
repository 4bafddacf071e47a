"""The `drafting` command: a thin layer over the library, one module per subcommand.

Each module in `drafting/commands/` defines NAME, HELP, add_arguments(parser) and run(args).
User errors are `DraftingError`s and print as one line naming the file and place; the exit
code is 2 for bad input, 1 for an unexpected failure (with a hint to report it).

Every command runs under a time and memory budget (drafting.budget): `--max-memory MB` and
`--max-seconds S`, or DRAFTING_MAX_MEMORY_MB / DRAFTING_MAX_SECONDS (0: no limit). Running out is
one line and exit code 2, like any other bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from drafting import __version__, budget, progress
from drafting.errors import DraftingError

# Module names under drafting.commands; each declares the subcommand NAME it serves.
COMMANDS = ("show", "import_statute", "clauses", "render", "compare", "review", "assemble", "gapbill", "diff")


def _modules() -> list[ModuleType]:
    modules = []
    for name in COMMANDS:
        try:
            modules.append(importlib.import_module(f"drafting.commands.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"drafting.commands.{name}":
                raise
    return modules


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = argparse.ArgumentParser(
        prog="drafting",
        description="Compare statutes with the model law against child sexual abuse material, "
        "review them against its criteria, assemble bills and redlines.",
    )
    parser.add_argument("--version", action="version", version=f"drafting {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None,
                        help="a clause-library folder to use instead of the bundled model law")
    parser.add_argument("--max-memory", metavar="MB", type=int, default=None,
                        help=f"memory budget per process in MB (default {budget.DEFAULT_CLI.memory_mb}, "
                        f"or ${budget.ENV_MEMORY}; 0: no limit)")
    parser.add_argument("--max-seconds", metavar="S", type=int, default=None,
                        help=f"time budget in seconds (default {budget.DEFAULT_CLI.seconds}, "
                        f"or ${budget.ENV_SECONDS}; 0: no limit)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    table: dict[str, ModuleType] = {}
    for module in _modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        table[module.NAME] = module
    return parser, table


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # before any command module loads numpy (see budget.SINGLE_THREADED)
        for name, value in budget.SINGLE_THREADED.items():
            os.environ.setdefault(name, value)
    parser, table = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    limits = budget.DEFAULT_CLI
    try:
        limits = budget.from_env(budget.DEFAULT_CLI, args.max_memory, args.max_seconds)
        if argv is None:  # the real command (not a library caller passing argv): limit this process
            budget.apply(limits)
        with progress.reporting(progress.terminal(sys.stderr)):
            return int(table[args.command].run(args) or 0)
    except DraftingError as exc:
        print(f"drafting: error: {exc}", file=sys.stderr)
        return 2
    except MemoryError:
        print(f"drafting: error: {budget.memory_message(limits)}", file=sys.stderr)
        return 2
    except RecursionError:
        print("drafting: error: the input is nested too deeply to read", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
