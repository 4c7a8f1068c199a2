"""partnerships translation export --run N --lang fr [--paragraphs] -o FILE.xlf
partnerships translation import FILE.xlf --run N"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnerships.core.languages import UN_LANGUAGES
from partnerships.reports.models import ReportRun
from partnerships.reports.xliff import XliffError, export_xliff, import_xliff


class Command(BaseCommand):
    help = (
        "Export what a stored report run lacks in one language (and, with "
        "--paragraphs, every paragraph) as XLIFF 2.0; import a translated file back."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("file", nargs="?", type=Path, help="the file to import")
        parser.add_argument("--run", type=int, required=True)
        parser.add_argument("--lang", choices=UN_LANGUAGES)
        parser.add_argument("--paragraphs", action="store_true")
        parser.add_argument("-o", "--output", type=Path)

    def handle(self, *args, **options) -> None:
        run = ReportRun.objects.filter(pk=options["run"]).select_related("report")
        run = run.first()
        if run is None:
            raise CommandError(f"no report run {options['run']}")
        if options["action"] == "export":
            if not options["lang"] or not options["output"]:
                raise CommandError("give --lang and -o FILE")
            data = export_xliff(
                run.snapshot, options["lang"], paragraphs=options["paragraphs"]
            )
            options["output"].write_bytes(data)
            self.stdout.write(f"wrote {options['output']}")
            return
        if not options["file"] or not options["file"].is_file():
            raise CommandError("give the translated XLIFF file to import")
        try:
            written = import_xliff(options["file"].read_bytes(), run.report, run)
        except XliffError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} translated units written")
