"""JSON columns on the bulk path: encoded by orjson, read back as the ORM's
own encoding gives them, and what orjson would write otherwise left to the ORM."""

import datetime as dt

import pytest

from partnerships.cooperation.models import Engagement, PublishedActivity
from partnerships.core.bulk import insert

pytestmark = pytest.mark.django_db

# Text an IATI file holds: quotes, an ampersand, a tab, Arabic and Chinese.
ELEMENTS = [
    '<narrative xml:lang="ar">دعم</narrative>',
    '<narrative>\u6c34 & "water"\t</narrative>',
    {"nested": [1, 2.5, None, True], "empty": {}},
]


def _written(elements, *, bulk):
    engagement = Engagement.objects.create(key=f"json-{bulk}", kind="project")
    values = {
        "engagement_id": engagement.pk,
        "identifier": f"XM-{bulk}",
        "elements": elements,
    }
    if bulk:
        insert(PublishedActivity, [values])
    else:
        PublishedActivity.objects.create(**values)
    return PublishedActivity.objects.get(engagement=engagement).elements


def test_json_written_in_bulk_reads_back_as_the_orms():
    assert _written(ELEMENTS, bulk=True) == ELEMENTS == _written(ELEMENTS, bulk=False)


def test_keys_that_are_not_text_are_converted_as_the_orm_converts_them():
    # orjson refuses integer keys; json.dumps, the ORM's encoder, makes them text.
    weird = {1: "one", "big": 2**70}
    assert _written(weird, bulk=True) == {"1": "one", "big": 2**70}
    assert _written(weird, bulk=False) == {"1": "one", "big": 2**70}


@pytest.mark.parametrize("bulk", [False, True])
def test_a_date_in_a_json_column_is_refused_as_the_orm_refuses_it(bulk):
    # orjson would write it; the ORM's json.dumps refuses it, and so does the
    # bulk path (the column has no encoder of its own).
    with pytest.raises(TypeError):
        _written([dt.date(2024, 1, 1)], bulk=bulk)
