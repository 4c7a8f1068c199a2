"""`partnerships load FILE`: load a dump written by `partnerships dump`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships.core.planner import refresh_statistics
from partnerships.interop.load import DumpError, DumpLoader


class Command(BaseCommand):
    help = (
        "Load a JSON dump of the registry, format version 1 or 2 "
        "(idempotent; all or nothing)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: cannot be read as JSON: {exc}") from exc
        try:
            written = DumpLoader(data).load()
        except DumpError as exc:
            raise CommandError(f"{path}: {exc} Nothing was written.") from exc
        refresh_statistics()
        self.stdout.write(f"{path}: loaded; {written} rows written.")
