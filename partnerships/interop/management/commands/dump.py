"""`partnerships dump --format json`: the whole registry to standard output."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from partnerships.interop.dump import write_dump


class Command(BaseCommand):
    help = "Write the whole registry as JSON to standard output (docs/dump-format.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        write_dump(self.stdout)
