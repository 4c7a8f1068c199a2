"""The `partnerships` console command: Django's management commands, by their name.

Commands of this project are spelt with hyphens on the command line
(`partnerships load-demo`); Django's own keep their names (`partnerships migrate`).

Start-up stays small: Django runs its system checks before most commands, and the
URL checks import every view, hence the report's PDF and chart libraries, the
spreadsheet writer and the Chinese word segmenter. Only the commands that serve
or check the site (`URL_COMMANDS`) run the URL checks; the others (an import, an
export, `migrate`) run every other check and never touch the URLs, so they do not
pay for those libraries (docs/iati.md, *Speed*; tests/test_cli.py).
"""

from __future__ import annotations

import os
import sys

# Commands that use the URL configuration, or exist to check it.
URL_COMMANDS = frozenset({"check", "runserver", "testserver", "test"})


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "partnerships"
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    if len(args) < 2 or args[1] not in URL_COMMANDS:
        _without_url_checks()
    execute_from_command_line(args)


def _without_url_checks() -> None:
    """Leave out the system checks tagged `urls` (they import every view)."""
    from django.core.checks import Tags
    from django.core.checks.registry import registry

    registry.registered_checks = {
        check
        for check in registry.registered_checks
        if Tags.urls not in getattr(check, "tags", ())
    }


if __name__ == "__main__":
    main()
