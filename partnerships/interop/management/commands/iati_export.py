"""`partnerships iati-export`: an IATI 2.03 activity or organisation file.

The file is written beside its destination under a temporary name, checked
against the XSD and the codelists, and renamed into place only when valid: an
invalid export leaves nothing behind (docs/iati.md).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from partnerships.accounts.actors import command_actor
from partnerships.cooperation.models import Engagement, Kind, Role
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import Actor
from partnerships.core.dates import parse_fuzzy
from partnerships.core.exporters import exporter
from partnerships.interop.iati import export, validate
from partnerships.interop.iati.activity import AS_PUBLISHED, REPORTING_ORG_MODES, OnSkip
from partnerships.interop.iati.elements import IATI_SCHEME
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.filters import EngagementPeriodFilter

ACTIVITIES, ORGANISATIONS = "activities", "organisations"
NOUNS = {
    ACTIVITIES: ("activity", "activities"),
    ORGANISATIONS: ("organisation", "organisations"),
}
SHOWN_ERRORS = 10


class Command(BaseCommand):
    help = (
        "Write an IATI 2.03 activity or organisation file, checked before it is kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind", choices=[ACTIVITIES, ORGANISATIONS], required=True
        )
        parser.add_argument(
            "--reporting-org",
            metavar="KEY",
            help="Publisher of an activity file; for an organisation file, the "
            "organisation exported when --organisation is not given.",
        )
        parser.add_argument(
            "--from",
            dest="date_from",
            metavar="DATE",
            help="Engagements active on or after DATE (YYYY, YYYY-MM or "
            "YYYY-MM-DD); undated ones stay in, as in the API.",
        )
        parser.add_argument(
            "--to",
            dest="date_to",
            metavar="DATE",
            help="Engagements active on or before DATE.",
        )
        parser.add_argument(
            "--organisation",
            metavar="KEY",
            help="Activities: only engagements it takes part in (with --role: in "
            "that role). Organisations: the organisation to export.",
        )
        parser.add_argument("--role", choices=Role.values)
        parser.add_argument("--kind-of-engagement", choices=Kind.values)
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            help="Export what this user may see (default: the public's view).",
        )
        parser.add_argument(
            "--date-undated-from-source",
            action="store_true",
            help="Activities: give an engagement without dates the reporting period "
            "of the source documents citing it, as planned dates with a note "
            "saying so (otherwise it is left out).",
        )
        parser.add_argument(
            "--reporting-org-mode",
            choices=REPORTING_ORG_MODES,
            default=AS_PUBLISHED,
            help="Activities: as-published (the default) writes the reporting-org "
            "of an activity imported from IATI as its file had it; export writes "
            "--reporting-org in every activity.",
        )
        parser.add_argument("-o", "--output", required=True, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = command_actor(options["username"])
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        left_out: list[tuple[str, str]] = []
        self.warned: list[tuple[str, str]] = []

        def on_skip(key: str, reason: str) -> None:
            left_out.append((key, reason))

        try:
            if options["kind"] == ACTIVITIES:
                count = self._activities(options, actor, output, on_skip)
            else:
                count = self._organisations(options, actor, output, on_skip)
        finally:
            # Said even when the export fails: it may be why nothing was left.
            self._report(left_out)
        noun = NOUNS[options["kind"]][count != 1]
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {count} {noun} to {output} (valid IATI 2.03).")
        )

    def _report(self, left_out: list[tuple[str, str]]) -> None:
        if self.warned:
            self.stdout.write(f"Warnings ({len(self.warned)}):")
        for key, message in self.warned:
            self.stdout.write(f"  {key}: {message}." if key else f"  {message}.")
        if left_out:
            self.stdout.write(f"Left out ({len(left_out)}, see docs/iati.md):")
        for key, reason in left_out:
            self.stdout.write(f"  {key}: {reason}.")

    def _activities(
        self, options: dict[str, Any], actor: Actor, output: Path, on_skip: OnSkip
    ) -> int:
        if not options["reporting_org"]:
            raise CommandError("An activity file needs --reporting-org KEY.")
        reporting_org = _organisation(options["reporting_org"], actor)
        engagements = _engagements(options, actor)

        def write(stream: BinaryIO) -> int:
            return exporter("iati-activities").write(
                stream,
                actor,
                engagements=engagements,
                reporting_org=reporting_org,
                on_skip=on_skip,
                date_undated_from_source=options["date_undated_from_source"],
                reporting_org_mode=options["reporting_org_mode"],
                on_warning=lambda key, message: self.warned.append((key, message)),
            )

        def check(path: Path) -> list[str]:
            # A withdrawn code can only be one a publisher used, written again
            # as published (the export's own codes are all active): said, not
            # refused.
            errors = validate.validate_activities(path)
            for error in filter(validate.is_withdrawn, errors):
                self.warned.append(("", f"{error} (as published)"))
            return [e for e in errors if not validate.is_withdrawn(e)]

        return _write_checked(output, write, check)

    def _organisations(
        self, options: dict[str, Any], actor: Actor, output: Path, on_skip: OnSkip
    ) -> int:
        for option in (
            "date_from",
            "date_to",
            "role",
            "kind_of_engagement",
            "date_undated_from_source",
        ):
            if options[option]:
                raise CommandError(
                    f"--{option.replace('_', '-')} applies to activity files only."
                )
        key = options["organisation"] or options["reporting_org"]
        if not key:
            raise CommandError(
                "An organisation file needs --organisation KEY or --reporting-org KEY."
            )
        org = _organisation(key, actor)
        if not org.identifiers.filter(scheme=IATI_SCHEME).exists():
            raise CommandError(
                f"The organisation {key} has no IATI organisation identifier, by "
                "which an organisation file must name it."
            )

        def write(stream: BinaryIO) -> int:
            return exporter("iati-organisations").write(
                stream,
                actor,
                organisations=Organisation.objects.filter(pk=org.pk),
                on_skip=on_skip,
            )

        return _write_checked(output, write, validate.validate_organisations)


def _organisation(key: str, actor: Actor) -> Organisation:
    org = organisations_visible_to(actor).filter(key=key).first()
    if org is None:
        raise CommandError(
            f"There is no organisation {key!r} that this reader may see."
        )
    return org


def _engagements(options: dict[str, Any], actor: Actor) -> QuerySet[Engagement]:
    """The API's filter, with its period rule: undated engagements stay in."""
    data = {}
    if options["date_from"]:
        data["start"] = _date(options["date_from"], "--from", end=False)
    if options["date_to"]:
        data["end"] = _date(options["date_to"], "--to", end=True)
    if "start" in data and "end" in data and data["start"] > data["end"]:
        raise CommandError("--from must not be after --to.")
    if options["organisation"]:
        data["organisation"] = _organisation(options["organisation"], actor).key
    if options["role"]:
        data["role"] = options["role"]
    if options["kind_of_engagement"]:
        data["kind"] = options["kind_of_engagement"]
    chosen = EngagementPeriodFilter(
        data, queryset=engagements_visible_to(actor), actor=actor
    )
    if not chosen.is_valid():
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in chosen.errors.items()
        )
        raise CommandError(f"Bad filter: {problems}")
    return chosen.qs


def _date(text: str, option: str, *, end: bool) -> str:
    try:
        return parse_fuzzy(text, end=end).value.isoformat()
    except ValueError as error:
        raise CommandError(f"{option}: {error}") from error


def _write_checked(
    output: Path,
    write: Callable[[BinaryIO], int],
    check: Callable[[Path], list[str]],
) -> int:
    """Write to a temporary file beside `output`, check it, then rename it."""
    handle, name = tempfile.mkstemp(
        dir=output.parent, prefix=f".{output.name}.", suffix=".tmp"
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            count = write(stream)
        errors = check(temporary)  # read one record at a time
        if errors:
            shown = "\n".join(errors[:SHOWN_ERRORS])
            more = len(errors) - SHOWN_ERRORS
            tail = f"\n... and {more} more." if more > 0 else ""
            raise CommandError(
                "The export is not valid IATI 2.03; nothing was written.\n"
                f"{shown}{tail}"
            )
        # mkstemp makes the file private; the export gets the usual permissions.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, output)
    except export.ExportError as error:
        raise CommandError(str(error)) from error
    finally:
        temporary.unlink(missing_ok=True)
    return count


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
