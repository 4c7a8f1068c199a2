"""partnerships report --from 2017-01-01 --to 2018-12-31 --lang zh --format docx -o FILE"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnerships.accounts.actors import UnknownUser, actor_for, user_named
from partnerships.core.actor import ANONYMOUS
from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation
from partnerships.reports.diff import diff_snapshots, format_diff
from partnerships.reports.models import ReportRun
from partnerships.reports.render import FORMATS, render
from partnerships.reports.services import create_run, report_for_period


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {text!r}") from error


class Command(BaseCommand):
    help = (
        "Compose the periodic report from the registry for a period and write it in "
        "one language and format; or render a stored run again; or compare two runs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from", dest="start", help="first day of the period")
        parser.add_argument("--to", dest="end", help="last day of the period")
        parser.add_argument("--lang", default="en", choices=UN_LANGUAGES)
        parser.add_argument("--format", default="html", choices=FORMATS)
        parser.add_argument("-o", "--output", help="file to write (default: stdout)")
        parser.add_argument(
            "--reporter", default="UN-Habitat", help="key of the reporting organisation"
        )
        parser.add_argument("--symbol", default="", help="symbol of a new report")
        parser.add_argument(
            "--as",
            dest="username",
            help="compose what this user may see (default: what the public may see)",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="the internal draft: with the sources of every paragraph and the "
            "engagements left out for lack of dates",
        )
        parser.add_argument("--run", type=int, help="render this stored run again")
        parser.add_argument(
            "--diff",
            nargs=2,
            type=int,
            metavar=("RUN_A", "RUN_B"),
            help="list what changed between two stored runs",
        )

    def handle(self, *args, **options) -> None:
        if options["diff"]:
            a, b = (self._run(pk) for pk in options["diff"])
            diff = diff_snapshots(a.snapshot, b.snapshot)
            self.stdout.write(format_diff(diff, a.snapshot, b.snapshot))
            return
        if options["run"]:
            run = self._run(options["run"])
        else:
            run = self._compose(options)
        data = render(
            run.snapshot, options["lang"], options["format"], draft=options["draft"]
        )
        if options["output"]:
            Path(options["output"]).write_bytes(data)
            paragraphs = sum(1 for _ in run.snapshot["engagements"])
            self.stderr.write(
                f"run {run.pk}: {paragraphs} engagements of {run.report.symbol} "
                f"written to {options['output']} ({len(data)} bytes)"
            )
        else:
            sys.stdout.buffer.write(data)

    def _run(self, pk: int) -> ReportRun:
        run = ReportRun.objects.filter(pk=pk).select_related("report").first()
        if run is None:
            raise CommandError(f"no report run {pk}")
        return run

    def _compose(self, options) -> ReportRun:
        if not options["start"] or not options["end"]:
            raise CommandError("give --from and --to (or --run N)")
        start, end = _date(options["start"]), _date(options["end"])
        if end < start:
            raise CommandError("--to is before --from")
        actor = ANONYMOUS
        user = None
        if options["username"]:
            try:
                user = user_named(options["username"])
            except UnknownUser as error:
                raise CommandError(str(error)) from error
            actor = actor_for(user)
        try:
            report = report_for_period(
                start, end, options["reporter"], options["symbol"]
            )
        except Organisation.DoesNotExist as error:
            raise CommandError(
                f"no organisation with key {options['reporter']!r}"
            ) from error
        return create_run(report, actor, user)
