"""The dashboards' money: totals by kind of engagement and currency."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.cache import cache

from partnerships.cooperation.models import Contribution
from partnerships.cooperation.visibility import engagements_visible_to
from partnerships.core.actor import ANONYMOUS
from partnerships.registry.visibility import organisations_visible_to

pytestmark = pytest.mark.django_db


def test_money_by_kind_and_currency_sums_what_the_public_may_see(client):
    cache.clear()
    engagements = set(engagements_visible_to(ANONYMOUS).values_list("pk", flat=True))
    organisations = set(
        organisations_visible_to(ANONYMOUS).values_list("pk", flat=True)
    )
    expected: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for money in Contribution.objects.select_related("participation__engagement"):
        part = money.participation
        if part.engagement_id in engagements and part.organisation_id in organisations:
            expected[(part.engagement.kind, money.currency_id)] += money.amount
    assert expected, "the demo data has money"
    page = client.get("/dashboards/")
    currencies = page.context["money_currencies"]
    found = {
        (code, currency): total
        for code, _label, totals in page.context["money_by_kind"]
        for currency, total in zip(currencies, totals, strict=True)
        if total is not None
    }
    assert found == dict(expected)
    html = page.content.decode()
    kind = next(iter(expected))[0]
    assert f'href="/engagements/?kind={kind}"' in html
