"""Each existing contribution becomes a money line: an incoming commitment (IATI
transaction type 11) from the participation's organisation, dated by its value
date, linked back to the contribution. Nothing is merged: two equal contributions
give two lines, the second flagged as a repeat."""

from django.db import migrations

INCOMING_COMMITMENT = "11"


def forward(apps, schema_editor):
    Contribution = apps.get_model("cooperation", "Contribution")
    MoneyLine = apps.get_model("cooperation", "MoneyLine")
    positions: dict[int, int] = {}
    seen: set[tuple] = set()
    lines = []
    contributions = Contribution.objects.select_related(
        "participation__organisation"
    ).order_by("participation__engagement_id", "id")
    for money in contributions:
        part = money.participation
        engagement = part.engagement_id
        position = positions.get(engagement, 0) + 1
        positions[engagement] = position
        same = (engagement, part.organisation_id, money.amount, money.currency_id,
                money.value_date)
        lines.append(
            MoneyLine(
                engagement_id=engagement,
                position=position,
                kind="transaction",
                type_code=INCOMING_COMMITMENT,
                date=money.value_date,
                amount=money.amount,
                currency_id=money.currency_id,
                value_date=money.value_date,
                provider_id=part.organisation_id,
                provider_name=part.organisation.name_en[:500],
                is_repeat=same in seen,
                contribution_id=money.pk,
            )
        )
        seen.add(same)
    MoneyLine.objects.bulk_create(lines, batch_size=500)


def backward(apps, schema_editor):
    apps.get_model("cooperation", "MoneyLine").objects.filter(
        contribution__isnull=False
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0006_money_lines")]
    operations = [migrations.RunPython(forward, backward)]
