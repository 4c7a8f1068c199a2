"""`partnerships synth`: reproducible synthetic data for scale tests."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships.cooperation.models import Engagement
from partnerships.demo.synth import real_data_count, remove_synthetic, synthesise
from partnerships.registry.models import Organisation


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic organisations and engagements drawn like the "
        "seed report's data. Refuses a database that holds real data unless --mix."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisations", type=int, required=True)
        parser.add_argument("--engagements", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--mix",
            action="store_true",
            help="Allow synthetic data beside real data in the same database.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete earlier synthetic data first.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["organisations"] < 1 or options["engagements"] < 0:
            raise CommandError(
                "--organisations must be at least 1, --engagements at least 0."
            )
        real = real_data_count()
        if real and not options["mix"]:
            raise CommandError(
                f"This database holds {real} real organisations and engagements; synthetic "
                "data would mix with them. Point DATABASE_URL at an empty database, or "
                "pass --mix to mix on purpose."
            )
        existing = Organisation.objects.filter(is_synthetic=True).exists()
        existing = existing or Engagement.objects.filter(is_synthetic=True).exists()
        if existing and not options["replace"]:
            raise CommandError(
                "This database already holds synthetic data; pass --replace to remake it."
            )
        if existing:
            remove_synthetic()
        started = time.perf_counter()
        progress = self._progress if sys.stderr.isatty() else (lambda _: None)
        counts = synthesise(
            organisations=options["organisations"],
            engagements=options["engagements"],
            seed=options["seed"],
            data_dir=Path(settings.DATA_DIR),
            progress=progress,
        )
        elapsed = time.perf_counter() - started
        made = ", ".join(f"{v} {k}" for k, v in counts.items())
        self.stdout.write(f"Synthetic data made in {elapsed:.1f} s: {made}.")

    def _progress(self, message: str) -> None:
        sys.stderr.write(f"\r{message}   ")
        sys.stderr.flush()
