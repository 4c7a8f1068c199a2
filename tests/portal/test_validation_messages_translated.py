"""A service's refusal of bad input reads in the reader's language (issue 15,
item 7): the engagement whose end is before its start, the organisation key
nobody holds, a stakeholder's upload of the wrong kind, and the same through a
staff page. Before, these were English literals whatever the language.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.bulk import engagements_bulk_write
from partnerships.cooperation.services import engagement_update, participation_add
from partnerships.core.actor import system_actor
from partnerships.core.bulk import Row
from partnerships.stakeholders.services.uploads import check_upload

END_BEFORE_START = {
    "fr": "La fin précède le début.",
    "ar": "تاريخ النهاية يسبق تاريخ البداية.",
    "zh-hans": "结束日期早于开始日期。",
}
NO_ORGANISATION = {
    "fr": "Aucune organisation n’a la clé NO-SUCH-KEY.",
    "ar": "لا توجد منظمة بالمفتاح NO-SUCH-KEY.",
    "zh-hans": "没有组织的键为 NO-SUCH-KEY。",
}
WRONG_KIND = {
    "fr": "virus.exe : envoyez un fichier PDF",
    "ar": "virus.exe",
    "zh-hans": "virus.exe",
}


def _refusal(lang: str, call) -> list[str]:
    with translation.override(lang), pytest.raises(ValidationError) as raised:
        call()
    return raised.value.messages


@pytest.mark.django_db
@pytest.mark.parametrize("lang", sorted(END_BEFORE_START))
def test_an_end_before_the_start_is_refused_in_the_reader_s_language(
    records, cast, lang
):
    engagement = records["published"]
    messages = _refusal(
        lang,
        lambda: engagement_update(
            actor=actor_for(cast["editor-africa"]),
            engagement=engagement,
            expected_version=engagement.version,
            changes={"start": "2019", "end": "2018"},
        ),
    )
    assert messages == [END_BEFORE_START[lang]]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", sorted(NO_ORGANISATION))
def test_an_unknown_organisation_key_is_refused_in_the_reader_s_language(
    records, cast, lang
):
    engagement = records["published"]
    messages = _refusal(
        lang,
        lambda: participation_add(
            actor=actor_for(cast["editor-africa"]),
            engagement=engagement,
            expected_version=engagement.version,
            organisation_key="NO-SUCH-KEY",
            role="funder",
        ),
    )
    assert messages == [NO_ORGANISATION[lang]]


@pytest.mark.parametrize("lang", sorted(WRONG_KIND))
def test_a_stakeholder_upload_of_the_wrong_kind_is_refused_in_the_reader_s_language(
    lang,
):
    (message,) = _refusal(lang, lambda: check_upload("virus.exe", b"MZ"))
    assert message.startswith(WRONG_KIND[lang])
    assert "send a PDF" not in message


@pytest.fixture
def language_kept():
    """A request leaves its language active in the thread: put back the one
    before, so that later tests read English."""
    before = translation.get_language()
    yield
    translation.activate(before)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", sorted(NO_ORGANISATION))
def test_a_staff_page_shows_the_service_s_refusal_in_the_reader_s_language(
    records, cast, lang, language_kept
):
    editor = Client()
    editor.force_login(cast["editor-africa"])
    editor.cookies["django_language"] = lang
    engagement = records["published"]
    page = editor.post(
        f"/staff/engagements/{engagement.key}/add/participant/",
        {
            "organisation": "NO-SUCH-KEY",
            "role": "funder",
            "version": engagement.version,
            "reason": "r",
        },
        follow=True,
    )
    html = page.content.decode()
    assert NO_ORGANISATION[lang] in html
    assert "No organisation has the key" not in html


@pytest.mark.django_db
def test_a_refused_batch_is_named_in_the_reader_s_language():
    """The bulk path's sentence: the rows' heading, the count, each row's errors."""
    row = Row(
        key="BACKWARDS",
        kind="project",
        title_en="Backwards",
        start_date=dt.date(2021, 1, 1),
        start_precision="day",
        end_date=dt.date(2020, 1, 1),
        end_precision="day",
    )
    (message,) = _refusal(
        "fr",
        lambda: engagements_bulk_write(actor=system_actor("test"), new=[row]),
    )
    assert message == (
        "Engagements — lignes refusées : 1 "
        "(BACKWARDS: end_date La fin précède le début.)."
    )
