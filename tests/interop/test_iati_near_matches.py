"""Names near (not equal to) a registry name are proposed for review, never merged
silently (interop/iati/near.py, review.py), tested on a real publisher's file."""

from pathlib import Path

import pytest
from lxml import etree

from partnerships.cooperation.models import MoneyLine, Participation
from partnerships.core.actor import system_actor
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.near import NameIndex, spelling
from partnerships.interop.iati.review import match_decide
from partnerships.interop.models import MatchStatus, NameMatch
from partnerships.registry.categories import Category
from partnerships.registry.services import OrganisationSpec, organisation_upsert

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "data" / "real"
GDIHUB = REAL / "gdihub-activity.xml"
# Registry spellings of two bodies the gdihub file names differently: in lower
# case, and with its acronym and a "UK" before the name (checked below).
LSHTM = "London School of Hygiene & Tropical Medicine"
FCDO = "Foreign, Commonwealth & Development Office"


def _org(key, name):
    org, _ = organisation_upsert(
        actor=system_actor("test"),
        spec=OrganisationSpec(key=key, category=Category.ACADEMIA, names={"en": name}),
        parent=None,
    )
    return org


def _names(tag):
    root = etree.parse(str(GDIHUB)).getroot()
    return {
        n.text.strip()
        for el in root.iter(tag)
        if not (el.get("ref") or "").strip()
        for n in el.findall("narrative")
        if n.text
    }


@pytest.fixture
def registry():
    # The file's own spellings, read here with lxml, differ from the registry's.
    assert "london school of hygiene and tropical medicine" in _names(
        "participating-org"
    )
    assert "UK Foreign, Commonwealth and Development Office (FCDO)" in _names(
        "provider-org"
    )
    return _org("lshtm", LSHTM), _org("fcdo", FCDO)


def test_near_names_are_proposed_not_merged(registry, tmp_path):
    lshtm, fcdo = registry
    summary = import_file(GDIHUB)
    assert summary.skipped == []
    proposals = {m.name: m for m in NameMatch.objects.order_by("organisation")}
    near = proposals["london school of hygiene and tropical medicine"]
    assert (near.organisation, near.how, near.status) == (lshtm, "spelling", "pending")
    # A new organisation stands for the file's name meanwhile: nothing merged.
    assert near.created is not None and near.created != lshtm
    assert not Participation.objects.filter(organisation=lshtm).exists()
    assert Participation.objects.filter(organisation=near.created).exists()
    # The provider of money (never created) is proposed too, and kept as text.
    money = NameMatch.objects.get(
        name="UK Foreign, Commonwealth and Development Office (FCDO)",
        organisation=fcdo,
    )
    assert money.created is None
    assert not MoneyLine.objects.filter(provider=fcdo).exists()
    assert summary.organisations_proposed == len(proposals) >= 2
    # Importing again proposes nothing new and writes nothing.
    pairs = NameMatch.objects.count()
    again = import_file(GDIHUB)
    assert again.writes == 0 and NameMatch.objects.count() == pairs


def test_the_same_organisation_merges_or_adds_the_name(registry, admin_user):
    lshtm, fcdo = registry
    import_file(GDIHUB)
    staff = system_actor("test")
    near = NameMatch.objects.get(organisation=lshtm)
    made = near.created
    match_decide(actor=staff, match=near, same=True)
    assert Participation.objects.filter(organisation=lshtm).exists()
    made.refresh_from_db()
    assert made.deleted_at is not None  # merged into the registry's
    money = NameMatch.objects.get(organisation=fcdo)
    match_decide(actor=staff, match=money, same=True)
    # The next import links the lines to the registry's organisation.
    import_file(GDIHUB)
    assert MoneyLine.objects.filter(provider=fcdo).exists()
    assert NameMatch.objects.filter(status=MatchStatus.PENDING).count() == (
        NameMatch.objects.count() - 2
    )


def test_different_changes_nothing(registry):
    lshtm, _ = registry
    import_file(GDIHUB)
    near = NameMatch.objects.get(organisation=lshtm)
    match_decide(actor=system_actor("test"), match=near, same=False)
    near.created.refresh_from_db()
    assert near.created.deleted_at is None
    assert not Participation.objects.filter(organisation=lshtm).exists()


@pytest.mark.parametrize(
    ("name", "registry_name", "how"),
    [
        ("london school of hygiene and tropical medicine", LSHTM, "spelling"),
        ("The Rockefeller Foundation", "Rockefeller Foundation", "spelling"),
        ("LSHTM", LSHTM, "acronym"),
        ("Humanity and Inclusion (HI)", "HI", "acronym"),
        ("Maynooth Universty", "Maynooth University", "similar"),
    ],
)
def test_what_counts_as_near(name, registry_name, how):
    org = _org("x", registry_name)
    (found,) = NameIndex().near([name])
    assert (found.organisation, found.how) == (org.pk, how)


@pytest.mark.parametrize(
    ("name", "registry_name"),
    [
        ("Federal Ministry of Education and Research", "Federal Ministry of Health"),
        ("Loughborough University", "Maynooth University"),
        ("Amparo", "Brink"),
    ],
)
def test_what_does_not(name, registry_name):
    _org("x", registry_name)
    assert NameIndex().near([name]) == []


def test_spelling_sets_aside_case_accents_and_punctuation():
    assert spelling("Affaires étrangères, Commerce & Développement") == (
        "affaires etrangeres commerce and developpement"
    )


def test_the_review_page_lists_and_decides(registry, client, admin_user):
    lshtm, _ = registry
    import_file(GDIHUB)
    client.force_login(admin_user)
    page = client.get("/interop/iati/matches/")
    assert page.status_code == 200
    assert "london school of hygiene and tropical medicine" in page.content.decode()
    near = NameMatch.objects.get(organisation=lshtm)
    done = client.post(
        "/interop/iati/matches/", {"match": near.pk, "decision": "different"}
    )
    assert done.status_code == 302
    near.refresh_from_db()
    assert near.status == MatchStatus.DIFFERENT
