"""What the IATI import tests share: the official example files, the rows an
import writes (with their history) and the command's output."""

import io
from pathlib import Path

from django.core.management import call_command

from partnerships.cooperation.models import (
    Engagement,
    MoneyLine,
    Participation,
    Place,
    PublishedActivity,
)
from partnerships.registry.models import Identifier, Organisation
from partnerships.sources.models import Evidence, Passage, SourceDocument

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "activity-standard-example-annotated.xml"
ORG_EXAMPLE = DATA / "organisation-standard-example-annotated.xml"
MODELS = (
    Engagement,
    Participation,
    Place,
    MoneyLine,
    Organisation,
    Identifier,
    SourceDocument,
    Passage,
    Evidence,
)


def counts():
    """Rows of every model an import writes, and of their history."""
    out = {model.__name__: model.objects.count() for model in MODELS}
    for model in MODELS:
        if hasattr(model, "history"):
            out[f"history {model.__name__}"] = model.history.count()
    return out


def command(*args):
    """`import-iati` with `args`; what it printed."""
    out = io.StringIO()
    call_command("import_iati", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def engagement_state(engagement):
    """What an import that must leave an engagement alone could change of it."""
    engagement.refresh_from_db()
    kept = PublishedActivity.objects.filter(engagement=engagement).first()
    return (
        engagement.title_en,
        engagement.version,
        sorted(engagement.themes.values_list("code", flat=True)),
        sorted(engagement.places.values_list("country_id", flat=True)),
        engagement.participations.count(),
        engagement.history.count(),
        kept.elements if kept else None,
    )
