import pytest

from partnerships.reference.models import (
    Country,
    Currency,
    OrganisationType,
    Region,
    SdgIndicator,
    SdgTarget,
    Theme,
)

pytestmark = pytest.mark.django_db


def test_countries_come_from_the_iati_codelist_with_kosovo():
    assert Country.objects.filter(code__in=["KE", "PS", "XK", "CN"]).count() == 4
    assert Country.objects.count() > 240


def test_currencies_include_the_euro():
    assert Currency.objects.get(code="EUR").name_en == "Euro"


def test_regions_and_organisation_types_are_loaded():
    assert Region.objects.get(code="798").name_en == "Asia, regional"
    assert OrganisationType.objects.get(code="40").name_en == "Multilateral"


def test_all_169_sdg_targets_are_there_and_goal_11_has_chinese_titles():
    assert SdgTarget.objects.count() == 169
    assert SdgTarget.objects.get(code="11.3").title_zh.startswith("到2030年")
    assert SdgIndicator.objects.get(code="11.3.2").target_id == "11.3"


def test_themes_have_names_in_the_six_languages():
    for theme in Theme.objects.all():
        assert all(
            getattr(theme, f"name_{lang}")
            for lang in ("ar", "zh", "en", "fr", "ru", "es")
        )
