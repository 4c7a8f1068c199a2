"""`partnerships import-sheets FILE.xlsx --as USERNAME [--dry-run]`.

The whole workbook is checked first; every problem is listed by sheet, row and
column and nothing is written unless the file is clean (docs/spreadsheets.md).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships.accounts.actors import command_actor
from partnerships.interop.sheets.importer import ImportRefused, import_workbook


class Command(BaseCommand):
    help = "Import organisations, engagements and participations from the template."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE.xlsx")
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            required=True,
            help="The user who makes the changes: its permissions apply and the "
            "history records it.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and tell what would be written; write nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        actor = command_actor(username)
        if not actor.is_staff_role and not actor.is_focal_point:
            raise CommandError(
                f"The user {username!r} has no editing role, so it may not import. "
                "Nothing was written."
            )
        try:
            plan = import_workbook(options["file"], actor, dry_run=options["dry_run"])
        except ImportRefused as refused:
            count = len(refused.problems)
            listing = "\n".join(f"- {problem}" for problem in refused.problems)
            raise CommandError(
                f"The workbook was not imported: {count} problem(s) to correct. "
                f"Nothing was written.\n{listing}"
            ) from refused
        verb = "Would write" if options["dry_run"] else "Wrote"
        for what, number in plan.summary().items():
            self.stdout.write(f"{verb}: {what}: {number}")
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
        elif not plan.writes:
            self.stdout.write("Nothing to change: the registry already holds this.")
