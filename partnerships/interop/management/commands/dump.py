"""`partnerships dump --format json`: the whole registry to standard output."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from partnerships.core.actor import system_actor
from partnerships.core.exporters import exporter


class Command(BaseCommand):
    help = "Write the whole registry as JSON to standard output (docs/dump-format.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        stream = getattr(self.stdout._out, "buffer", None)
        if stream is None:  # a text stream (tests, call_command): no bytes layer
            _, _, body = exporter("dump").render(system_actor("dump"))
            self.stdout.write(body.decode("utf-8"), ending="")
            return
        exporter("dump").write(stream, system_actor("dump"))
