"""One IATI identifier names one engagement (issue 16): an import finds the
engagement an activity was imported as by its identifier, never by our key
(docs/iati.md, "Which engagement an activity is"). Engagements imported before
identifiers were kept get theirs in `interop/0004_engagement_identifiers`.
"""

from django.db import migrations, models


def refuse_duplicates(apps, schema_editor):
    Kept = apps.get_model("cooperation", "PublishedActivity")
    twice = (
        Kept.objects.values("identifier")
        .annotate(n=models.Count("id"))
        .filter(n__gt=1)
        .values_list("identifier", flat=True)
    )
    if twice:
        raise RuntimeError(
            "These IATI identifiers are kept with more than one engagement; "
            "merge or correct them before migrating: " + ", ".join(sorted(twice))
        )


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0011_engagement_list_indexes")]

    operations = [
        migrations.RunPython(refuse_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="publishedactivity",
            constraint=models.UniqueConstraint(
                fields=("identifier",), name="published_activity_identifier_once"
            ),
        ),
    ]
