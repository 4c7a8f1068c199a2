"""`partnerships export-sheets`: organisations, engagements and participations.

`--format xlsx` writes one workbook with three sheets; `--format csv` writes a zip
of three CSV files when FILE ends in .zip, else the three files into the folder
FILE. `--template` writes the empty import template (docs/spreadsheets.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships.accounts.actors import command_actor
from partnerships.core.actor import Actor
from partnerships.core.exporters import Exporter, exporter
from partnerships.interop.sheets.template import SHEETS, template_bytes


class Command(BaseCommand):
    help = "Export organisations, engagements and participations as XLSX or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            help="Export what this user may see (default: the public's view).",
        )
        parser.add_argument(
            "--template",
            action="store_true",
            help="Write the empty import template (an .xlsx workbook) instead.",
        )
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="FILE",
            help="The .xlsx file; with --format csv a .zip file or a folder.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        if options["template"]:
            if options["format"] != "xlsx":
                raise CommandError("The template is an .xlsx workbook only.")
            self._write(output, template_bytes())
            return
        actor = command_actor(options["username"])
        if options["format"] == "xlsx":
            self._export(output, exporter("workbook"), actor)
        elif output.suffix.lower() == ".zip":
            self._export(output, exporter("csv-bundle"), actor)
        else:
            if not output.is_dir():
                raise CommandError(
                    f"{output} is not a folder; give a folder for the three CSV "
                    "files, or a file name ending in .zip."
                )
            for name in SHEETS:
                sheet = exporter(name)
                self._export(output / sheet.filename(), sheet, actor)

    def _export(self, path: Path, export: Exporter, actor: Actor) -> None:
        """Written in pieces, so memory stays flat however big the registry."""
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        with path.open("wb") as stream:
            export.write(stream, actor)
        self.stdout.write(f"Wrote {path}.")

    def _write(self, path: Path, body: bytes) -> None:
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        path.write_bytes(body)
        self.stdout.write(f"Wrote {path}.")
