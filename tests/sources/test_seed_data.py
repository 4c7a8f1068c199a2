"""The seed report's data: complete, cited, and faithful to the text."""

from decimal import Decimal

import pytest

from partnerships.cooperation.models import Contribution, Engagement
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence, Passage
from tests.conftest import SEED_SYMBOL

pytestmark = pytest.mark.django_db

# Paragraphs 4-83 that name no partner, and why.
NO_PARTNER = {
    4: "how UN-Habitat works with partners in general; no partner named",
    49: "UN-Habitat's own approach to urban safety; no partner named",
}


def _seed_passages():
    return Passage.objects.filter(document__symbol=SEED_SYMBOL)


def test_all_88_paragraphs_are_passages_with_chapter_and_section():
    passages = _seed_passages()
    assert passages.count() == 88
    p65 = passages.get(number=65)
    assert (p65.chapter, p65.section) == ("八", "A")
    assert p65.section_title.startswith("民间社会与城市无障碍出行")
    assert passages.get(number=1).text.startswith("本报告介绍了")


def test_every_engagement_cites_a_paragraph_of_the_seed():
    uncited = Engagement.objects.exclude(
        evidence__passage__document__symbol=SEED_SYMBOL
    )
    assert list(uncited.values_list("key", flat=True)) == []


def test_every_paragraph_from_4_to_83_that_names_a_partner_has_an_engagement():
    cited = set(
        Evidence.objects.filter(
            engagement__isnull=False, passage__document__symbol=SEED_SYMBOL
        ).values_list("passage__number", flat=True)
    )
    missing = [n for n in range(4, 84) if n not in cited and n not in NO_PARTNER]
    assert missing == []
    # And the exceptions really have none, so the list stays true.
    assert not cited & set(NO_PARTNER)


def test_every_quote_is_found_in_its_paragraph():
    for evidence in Evidence.objects.filter(engagement__isnull=False).select_related(
        "passage"
    ):
        for quote in evidence.quote.split(" … "):
            assert quote in evidence.passage.text, (evidence.engagement_id, quote)


def test_every_organisation_mentioned_in_a_paragraph_is_named_there():
    mentions = Evidence.objects.filter(
        organisation__isnull=False, passage__document__symbol=SEED_SYMBOL
    ).select_related("passage", "organisation")
    for mention in mentions:
        org = mention.organisation
        names = {getattr(org, f"name_{lang}") for lang in ("zh", "en")} - {""}
        names |= set(org.other_names.values_list("value", flat=True))
        assert any(name in mention.passage.text for name in names), (
            org.key,
            mention.passage.number,
        )


def test_the_seed_yields_at_least_150_organisations_and_190_engagements():
    seed_orgs = Organisation.objects.filter(
        mentions__passage__document__symbol=SEED_SYMBOL
    ).distinct()
    assert seed_orgs.count() >= 150
    assert Engagement.objects.filter(is_synthetic=False).count() >= 190


def test_ten_million_euros_are_pledged_to_the_third_cycle_of_psup():
    pledge = Contribution.objects.get(
        participation__organisation__key="EC",
        participation__engagement__key="p040-ec-psup-pledge",
    )
    assert (pledge.amount, pledge.currency_id) == (Decimal("10000000.00"), "EUR")


def test_the_hlcp_task_force_has_the_twelve_entities_of_paragraph_13():
    task_force = Engagement.objects.get(key="p006-hlcp-urban-task-force")
    members = set(
        task_force.participations.filter(role="member").values_list(
            "organisation__key", flat=True
        )
    )
    assert members == {
        "IFAD",
        "IOM",
        "ITU",
        "UNDP",
        "UNEP",
        "DESA",
        "UNHCR",
        "UNFCCC",
        "UNESCO",
        "WBG",
        "UNIDO",
        "WHO",
    }


def test_the_nineteen_nepali_organisations_of_paragraph_66_take_part():
    programme = Engagement.objects.get(key="p066-nepal-water-sanitation-trust-fund")
    implementers = programme.participations.filter(role="implementer")
    assert implementers.count() == 19
    assert programme.participations.filter(
        organisation__key="UNOPS", role="funder"
    ).exists()


def test_dates_keep_the_precision_the_seed_gives():
    launch = Engagement.objects.get(key="p011-youth-2030-launch")
    assert (launch.start_date.isoformat(), launch.start_precision) == (
        "2018-10-08",
        "day",
    )
    forum = Engagement.objects.get(key="p057-ap-partners-forum")
    assert forum.places.get().country_id == "TH"


def test_every_engagement_has_a_chinese_and_an_english_title():
    untitled = Engagement.objects.filter(is_synthetic=False).filter(
        title_zh="", title_en=""
    ) | Engagement.objects.filter(is_synthetic=False, title_en="")
    assert list(untitled.values_list("key", flat=True)) == []
    assert not Engagement.objects.filter(is_synthetic=False, title_zh="").exists()
