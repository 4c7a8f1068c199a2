"""The services' refusals speak the reader's language (issue 16).

Before, "You may not change this organisation." and every other refusal a
service raised was English whatever the reader's language; the API and the
staff pages showed them as they were. Each refusal below is read in the six
languages from the catalogues of the app that raises it.
"""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services import engagement_delete
from partnerships.core.errors import NotAllowed
from partnerships.registry.models import Organisation
from partnerships.registry.services import organisation_create, organisation_update

pytestmark = pytest.mark.django_db

OUTSIDE = {
    "en": "You may create only organisations in your charge",
    "fr": "Vous ne pouvez créer que des organisations dont vous avez la charge",
    "es": "Solo puede crear organizaciones a su cargo",
    "ru": "Вы можете создавать только организации, за которые отвечаете",
    "ar": "لا يمكنك أن تنشئ إلا منظمات تقع ضمن مسؤوليتك",
    "zh-hans": "您只能创建由您负责的组织",
}
NOT_YOURS = {
    "en": "You may not change this organisation.",
    "fr": "Vous ne pouvez pas modifier cette organisation.",
    "es": "No puede modificar esta organización.",
    "ru": "Вы не можете изменить эту организацию.",
    "ar": "لا يجوز لك تغيير هذه المنظمة.",
    "zh-hans": "您不能更改此组织。",
}


def _refusal(lang, call):
    with translation.override(lang), pytest.raises(NotAllowed) as raised:
        call()
    return str(raised.value)


@pytest.mark.parametrize("lang", sorted(OUTSIDE))
def test_a_refusal_of_the_registry_is_in_the_reader_s_language(cast, lang):
    actor = actor_for(cast["editor-africa"])
    made = _refusal(
        lang,
        lambda: organisation_create(
            actor=actor, key="NP-X", changes={"name_en": "X", "category": "ngo"}
        ),
    )
    assert made.startswith(OUTSIDE[lang])
    undp = Organisation.objects.get(key="UNDP")
    changed = _refusal(
        lang,
        lambda: organisation_update(
            actor=actor,
            organisation=undp,
            expected_version=undp.version,
            changes={"website": "https://example.org"},
        ),
    )
    assert changed == NOT_YOURS[lang]


def test_a_refusal_of_cooperation_is_translated_too(cast):
    engagement = Engagement.objects.filter(deleted_at=None).first()
    actor = actor_for(cast["no-role"])
    refused = _refusal(
        "fr",
        lambda: engagement_delete(
            actor=actor, engagement=engagement, expected_version=engagement.version
        ),
    )
    assert refused == "Vous ne pouvez pas supprimer cet engagement."


@pytest.fixture
def language_kept():
    """A request's LocaleMiddleware leaves its language active in the thread:
    put back the one before, so that later tests read English."""
    before = translation.get_language()
    yield
    translation.activate(before)


def test_the_api_answers_a_refusal_in_the_reader_s_language(cast, language_kept):
    client = APIClient()
    client.force_authenticate(cast["editor-africa"])
    response = client.post(
        "/api/organisations/",
        {"key": "NP-X", "names": {"en": "X"}, "category": "ngo", "country": "NP"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 403
    assert OUTSIDE["fr"] in response.json()["detail"]
