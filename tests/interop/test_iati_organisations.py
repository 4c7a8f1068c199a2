"""Organisations named in an IATI file, resolved as a careful person would
(registry/resolve.py): a generic ref is no identity, names are matched first."""

import pytest

from partnerships.cooperation.models import Participation
from partnerships.interop.iati.importer import import_file
from partnerships.registry.models import Organisation
from partnerships.registry.resolve import is_identifier

pytestmark = pytest.mark.django_db


def _ref(ref):
    return f' ref="{ref}"' if ref else ""


def _activity(identifier, orgs):
    parts = "".join(
        f'<participating-org role="4" type="22"{_ref(ref)}>'
        f"<narrative>{name}</narrative></participating-org>"
        for ref, name in orgs
    )
    return f"""<iati-activity default-currency="EUR">
  <iati-identifier>{identifier}</iati-identifier>
  <reporting-org ref="XM-DAC-41120" type="40"><narrative>UN-Habitat</narrative></reporting-org>
  <title><narrative>{identifier}</narrative></title>
  <description><narrative>d</narrative></description>
  {parts}
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2020-01-01"/>
</iati-activity>"""


def _file(tmp_path, *activities):
    path = tmp_path / "orgs.xml"
    path.write_text(
        '<iati-activities version="2.03">' + "".join(activities) + "</iati-activities>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("ref", "usable"),
    [
        ("GB-CHC-1079358", True),
        ("XM-DAC-41120", True),
        ("XI-IATI-EC_INTPA", True),
        ("US-EIN-91-1157127", True),
        ("22000", False),
        ("N/A", False),
        ("DKCVR31378028", False),
        ("CA", False),
        ("Global Disability Innovation Hub (GDI Hub)", False),
        ("XM-DAC-", False),
    ],
)
def test_only_a_ref_shaped_like_an_organisation_identifier_is_an_identity(ref, usable):
    assert is_identifier(ref) is usable


def test_three_ngos_sharing_the_generic_ref_22000_stay_three(tmp_path):
    path = _file(
        tmp_path,
        _activity("XM-DAC-41120-T1", [("22000", "Alpha Relief Trust")]),
        _activity("XM-DAC-41120-T2", [("22000", "Beta Water Society")]),
        _activity("XM-DAC-41120-T3", [("22000", "Gamma Housing Aid")]),
    )
    summary = import_file(path)
    assert summary.skipped == [] and summary.organisations_created == 3
    held = {
        p.engagement.key: p.organisation.name_en
        for p in Participation.objects.filter(
            engagement__key__startswith="XM-DAC-41120-T"
        )
    }
    assert held == {
        "XM-DAC-41120-T1": "Alpha Relief Trust",
        "XM-DAC-41120-T2": "Beta Water Society",
        "XM-DAC-41120-T3": "Gamma Housing Aid",
    }
    # The generic ref is kept where the evidence cites it, never as an identifier.
    assert not Organisation.objects.filter(identifiers__value="22000").exists()


def test_a_name_without_ref_finds_the_organisation_the_registry_holds(tmp_path):
    known = Organisation.objects.get(key="UN-Habitat")
    before = Organisation.objects.count()
    path = _file(tmp_path, _activity("XM-DAC-41120-T4", [("", known.name_en)]))
    summary = import_file(path)
    assert (summary.organisations_created, summary.organisations_matched) == (0, 1)
    assert Organisation.objects.count() == before
    (part,) = Participation.objects.filter(engagement__key="XM-DAC-41120-T4")
    assert part.organisation == known
