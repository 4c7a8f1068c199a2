"""`partnerships ingest FILE --lang zh|en [--accept-above C --as USER]` and
`partnerships ingest evaluate FILE --gold GOLD_DIR --lang zh|en` (docs/ingest.md)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerships.accounts.actors import command_actor
from partnerships.ingest.corpus import PARTS, read_corpus, report
from partnerships.ingest.evaluation import GoldError, evaluate, read_gold
from partnerships.ingest.gazetteer import build_gazetteer
from partnerships.ingest.pipeline import extract
from partnerships.ingest.review import accept_above
from partnerships.ingest.services import IngestRefused, ingest_text
from partnerships.sources.paragraphs import split_report
from partnerships.sources.texts import UnreadableFile, read_text

CORPUS = Path(settings.BASE_DIR) / "data" / "ingest" / "corpus"
SEED = Path(settings.BASE_DIR) / "data" / "sources" / "HSP-HA-1-2-Add.2"


class Command(BaseCommand):
    help = "Read a report (.txt, .docx, .pdf) into candidates for review, or score it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "target", nargs="+", metavar="FILE | evaluate FILE", help="the report"
        )
        parser.add_argument("--lang", choices=["zh", "en"])
        parser.add_argument(
            "--symbol", default="", help="document symbol if the header has none"
        )
        parser.add_argument(
            "--accept-above",
            type=float,
            metavar="CONFIDENCE",
            help="accept every candidate at or above this confidence at once",
        )
        parser.add_argument(
            "--as",
            dest="username",
            default=None,
            help="the user accepting with --accept-above (default: a user named "
            "like the operating-system account running the command)",
        )
        parser.add_argument("--gold", help="evaluate: folder of curated gold data")
        parser.add_argument(
            "--corpus",
            default=str(CORPUS),
            help="evaluate without FILE: the corpus of published documents",
        )
        parser.add_argument(
            "--details",
            choices=PARTS,
            help="evaluate without FILE: list misses and extras of this part",
        )
        parser.add_argument(
            "--reference-only",
            action="store_true",
            help="look names up in the reference data only, not in the registry",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target = options["target"]
        if target == ["evaluate"]:
            self._evaluate_corpus(Path(options["corpus"]), options["details"] or "")
            return
        if target[0] == "evaluate":
            if len(target) != 2 or not options["gold"] or not options["lang"]:
                raise CommandError("Use: ingest evaluate FILE --gold GOLD --lang L")
            self._evaluate(Path(target[1]), Path(options["gold"]), options["lang"])
            return
        if len(target) != 1 or not options["lang"]:
            raise CommandError("Give one file to ingest, and its --lang.")
        self._ingest(Path(target[0]), options)

    def _read(self, path: Path) -> str:
        try:
            return read_text(path.name, path.read_bytes())
        except OSError as exc:
            raise CommandError(f"{path}: cannot be read: {exc.strerror}.") from exc
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from exc

    def _ingest(self, path: Path, options: dict[str, Any]) -> None:
        text = self._read(path)
        threshold = options["accept_above"]
        actor = None
        if threshold is not None:
            if not 0 <= threshold <= 1:
                raise CommandError("--accept-above takes a confidence from 0 to 1.")
            actor = command_actor(options["username"] or getpass.getuser())
            if not actor.is_staff_role:
                raise CommandError(
                    "--accept-above needs an editor or administrator (--as USER). "
                    "Nothing was written."
                )
        gazetteer = build_gazetteer(registry=not options["reference_only"])
        try:
            run = ingest_text(
                text=text,
                lang=options["lang"],
                file_name=path.name,
                symbol=options["symbol"],
                **({"actor": actor} if actor else {}),
                gazetteer=gazetteer,
            )
        except IngestRefused as exc:
            raise CommandError(f"{exc} Nothing was written.") from exc
        stats = run.stats
        self.stdout.write(
            f"{run.document.symbol}: {stats['paragraphs']} paragraphs, "
            f"{stats['organisations']} organisation and {stats['engagements']} "
            f"engagement candidates in {run.seconds:.2f} s (run {run.pk})."
        )
        if actor is not None:
            counts = accept_above(actor=actor, run=run, threshold=threshold)
            self.stdout.write(
                f"Accepted at or above {threshold}: {counts['organisations']} "
                f"organisations, {counts['engagements']} engagements; "
                f"{counts['skipped']} engagements left for review."
            )

    def _evaluate(self, path: Path, gold_dir: Path, lang: str) -> None:
        text = self._read(path)
        try:
            gold = read_gold(gold_dir)
        except GoldError as exc:
            raise CommandError(str(exc)) from exc
        layout = split_report(text, lang)
        # The registry is left out: the figures measure the reference data and the
        # patterns, not names a curator already typed in.
        results = extract(layout, build_gazetteer(registry=False), lang)
        scores = evaluate(results, gold)
        self.stdout.write(f"{path.name}: {len(layout.paragraphs)} paragraphs")
        self.stdout.write(scores.organisations.line("organisations"))
        self.stdout.write(scores.engagements.line("engagements"))

    def _evaluate_corpus(self, directory: Path, show: str) -> None:
        """The corpus by part and language, then the seed (docs/ingest.md)."""
        try:
            documents = read_corpus(directory)
        except GoldError as exc:
            raise CommandError(str(exc)) from exc
        gazetteer = build_gazetteer(registry=False)
        for line in report(documents, gazetteer, show):
            self.stdout.write(line)
        self._evaluate(SEED / "original.zh.txt", SEED, "zh")
