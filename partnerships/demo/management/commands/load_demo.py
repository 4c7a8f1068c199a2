"""`partnerships load-demo`: reference data and the seed report's data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships.core.planner import refresh_statistics
from partnerships.reference.loading import load_reference
from partnerships.sources.curated.dataset import read_dataset
from partnerships.sources.curated.errors import DatasetError
from partnerships.sources.curated.writer import DatasetWriter
from partnerships.stakeholders.demo import load_stakeholder_demo

DEFAULT_DATASET = "sources/HSP-HA-1-2-Add.2"


class Command(BaseCommand):
    help = "Load the reference data and the seed report's curated data (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dataset",
            type=Path,
            default=None,
            help=f"Folder of a curated dataset (default: data/{DEFAULT_DATASET}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir = Path(settings.DATA_DIR)
        dataset_dir = options["dataset"] or data_dir / DEFAULT_DATASET
        written = load_reference()
        try:
            dataset = read_dataset(dataset_dir, data_dir / "reference")
        except DatasetError as exc:
            raise CommandError(str(exc)) from exc
        summary = DatasetWriter(dataset, reason="load-demo").write(
            data_dir / "reference" / "un_entities.csv"
        )
        if options["dataset"] is None:
            # The seed's own masthead, so that `partnerships report` for 2017-2018
            # composes HSP/HA/1/2/Add.2 again.
            from partnerships.reports.demo import load_entity_names, seed_report

            seed_report()
            load_entity_names()
            load_stakeholder_demo()
        refresh_statistics()
        self.stdout.write(
            f"{summary.organisations} organisations and {summary.engagements} engagements "
            f"loaded from {dataset.document['symbol']}; "
            f"{summary.written + written} rows written."
        )
