"""Every engagement imported from IATI holds its identifier (issue 16).

Imports since `cooperation/0008` keep the identifier with the engagement
(`PublishedActivity`); an engagement imported before has none, and is known by
its provenance (`interop/iati/identity.py` `from_provenance`: the import cited
it from the activity's passage in a document `IATI:<file>`, whose
`chapter_title` is the identifier its key was made from). It gets the
identifier, with no kept elements (the export writes the identifier as
published and derives the rest, as before), and a history row naming this
migration. A hand-made engagement has no such citation and gets none.
"""

from django.db import migrations
from django.utils import timezone

from partnerships.interop.iati.identity import from_provenance

REASON = "IATI identifier kept apart from the key"
BATCH = 500


def fill(apps, schema_editor):
    Kept = apps.get_model("cooperation", "PublishedActivity")
    found = from_provenance(apps.get_model("sources", "Evidence"), Kept)
    pairs = sorted(found.items())
    for start in range(0, len(pairs), BATCH):
        _keep(apps, dict(pairs[start : start + BATCH]))


def _keep(apps, found: dict[int, str]) -> None:
    Kept = apps.get_model("cooperation", "PublishedActivity")
    History = apps.get_model("cooperation", "HistoricalPublishedActivity")
    Kept.objects.bulk_create(
        [Kept(engagement_id=e, identifier=i, elements=[]) for e, i in found.items()]
    )
    made = Kept.objects.filter(engagement_id__in=found).values_list(
        "pk", "engagement_id"
    )
    now = timezone.now()
    History.objects.bulk_create(
        [
            History(
                id=pk,
                engagement_id=engagement,
                identifier=found[engagement],
                elements=[],
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )
            for pk, engagement in made
        ]
    )


def unfill(apps, schema_editor):
    Kept = apps.get_model("cooperation", "PublishedActivity")
    History = apps.get_model("cooperation", "HistoricalPublishedActivity")
    made = History.objects.filter(history_change_reason=REASON)
    Kept.objects.filter(pk__in=made.values("id"), elements=[]).delete()
    made.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("interop", "0003_stored_in_the_storage"),
        ("cooperation", "0012_published_activity_identifier"),
        ("sources", "0004_history_without_column_indexes"),
    ]

    operations = [migrations.RunPython(fill, unfill)]
