"""`partnerships import-iati FILE... [--dry-run]`: IATI 2.01-2.03 files in.

Each file is parsed safely and streamed (reader.py), imported in one transaction
(importer.py) and summed up; a refused file changes nothing and does not stop the
others. Mapping and limits: docs/iati.md, "Import".
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.reader import ReaderError
from partnerships.interop.iati.results import Summary


class Command(BaseCommand):
    help = "Import IATI activity or organisation files (idempotent, one transaction per file)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read, check and map everything, then roll back: nothing is saved.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Skip any activity invalid against the 2.03 schema, even where "
            "the importer does not map it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refused: list[str] = []
        for path in options["files"]:
            try:
                summary = self._import(
                    path, dry_run=options["dry_run"], strict=options["strict"]
                )
            except ReaderError as error:
                refused.append(str(error))
                self.stderr.write(f"Refused: {error}")
                continue
            self._report(summary, dry_run=options["dry_run"])
        if refused:
            raise CommandError(
                f"{len(refused)} file(s) refused; nothing of them was imported:\n"
                + "\n".join(refused)
            )

    def _import(self, path: Path, *, dry_run: bool, strict: bool) -> Summary:
        # The total is unknown until the file is read: the bar just counts.
        with tqdm(
            desc=path.name,
            unit=" activities",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
        ) as bar:
            return import_file(path, dry_run=dry_run, on_item=bar.update, strict=strict)

    def _report(self, summary: Summary, *, dry_run: bool) -> None:
        self.stdout.write(
            f"{summary.file}: read {summary.read}, created {summary.created}, "
            f"updated {summary.updated}, unchanged {summary.unchanged}, "
            f"skipped {len(summary.skipped)}; {summary.organisations_matched} "
            f"organisation(s) matched, {summary.organisations_created} "
            f"created, {summary.organisations_proposed} proposed for review "
            f"(near a registry name), {summary.writes} row(s) written."
        )
        for warning in summary.warnings:
            self.stdout.write(f"  warning: {warning}")
        for line, identifier, reason in summary.skipped:
            self.stdout.write(f"  skipped line {line} ({identifier}): {reason}")
        if dry_run:
            self.stdout.write("  Dry run: nothing was saved.")
