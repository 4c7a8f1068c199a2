"""partnerships terminology FILE.tbx|FILE.csv — add or correct organisation names."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnerships.core.actor import system_actor
from partnerships.reports.terminology import TerminologyError, import_terms, read_terms


class Command(BaseCommand):
    help = (
        "Add or correct organisation names per language from a terminology file "
        "(TBX, ISO 30042, as UNTERM exports; or CSV: organisation, lang, kind, "
        "value, source). Each name's source goes into the registry's history."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no file {path}")
        try:
            terms = read_terms(path)
            written, kept = import_terms(terms, system_actor("terminology import"))
        except TerminologyError as error:
            raise CommandError(f"{path.name}: {error}; nothing was changed") from error
        self.stdout.write(
            f"{len(terms)} names read from {path.name}: {written} added or corrected, "
            f"{kept} already there."
        )
