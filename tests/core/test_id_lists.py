"""`id_in` selects the same rows as `__in` with the ids one by one."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement, Participation
from partnerships.core.id_lists import id_in

pytestmark = pytest.mark.django_db


def test_the_same_participations_as_an_in_list():
    ids = list(Engagement.objects.order_by("pk").values_list("pk", flat=True)[::3])
    assert len(ids) > 20
    wanted = set(
        Participation.objects.filter(engagement_id__in=ids).values_list("pk", flat=True)
    )
    got = set(
        Participation.objects.filter(id_in("engagement_id", ids)).values_list(
            "pk", flat=True
        )
    )
    assert wanted and got == wanted


def test_an_id_that_is_no_row_and_an_empty_list():
    top = Engagement.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert not Engagement.objects.filter(id_in("pk", [top + 1000])).exists()
    assert not Engagement.objects.filter(id_in("pk", [])).exists()
    assert Engagement.objects.filter(id_in("pk", [top])).count() == 1


def test_combined_with_other_conditions_and_a_join():
    first = Participation.objects.order_by("pk").first()
    rows = Participation.objects.filter(
        id_in("engagement_id", [first.engagement_id]),
        organisation__key=first.organisation.key,
        role=first.role,
    )
    assert first in rows
