"""Organisation names per language from a terminology file (TBX or CSV)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from partnerships.registry.models import Organisation, OrganisationName

pytestmark = pytest.mark.django_db

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <admin type="source">UNTERM</admin>
   <langSet xml:lang="en"><termSec><term>United Nations Development Programme</term>
     <termNote type="termType">fullForm</termNote></termSec>
     <termSec><term>UNDP</term><termNote type="termType">acronym</termNote></termSec></langSet>
   <langSet xml:lang="fr"><termSec><term>Programme des Nations Unies pour le développement</term>
     <termNote type="termType">fullForm</termNote></termSec>
     <termSec><term>PNUD</term><termNote type="termType">acronym</termNote></termSec></langSet>
   <langSet xml:lang="ru"><termSec><term>Программа развития Организации Объединенных Наций</term>
     <admin type="source">A/73/1 (ru)</admin></termSec></langSet>
  </conceptEntry>
 </body></text>
</tbx>
"""


def _import(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("terminology", str(path), stdout=out)
    return out.getvalue()


def test_a_tbx_entry_adds_names_per_language_with_their_source(tmp_path):
    printed = _import(tmp_path, "unterm.tbx", TBX)
    undp = Organisation.objects.get(key="UNDP")
    assert undp.name_fr == "Programme des Nations Unies pour le développement"
    assert undp.name_ru.startswith("Программа развития")
    assert OrganisationName.objects.filter(
        organisation=undp, kind="acronym", lang="fr", value="PNUD"
    ).exists()
    reasons = set(undp.history.values_list("history_change_reason", flat=True))
    assert {"terminology: UNTERM", "terminology: A/73/1 (ru)"} <= reasons
    assert "5 names read" in printed
    again = _import(tmp_path, "unterm.tbx", TBX)
    assert "0 added or corrected, 5 already there" in again


def test_a_csv_row_corrects_a_name_and_a_bad_row_changes_nothing(tmp_path):
    _import(
        tmp_path,
        "names.csv",
        "organisation,lang,kind,value,source\n"
        "UNEP,es,name,Programa de las Naciones Unidas para el Medio Ambiente,UNTERM\n"
        "ILO,fr,short,OIT,CRS\n",
    )
    assert Organisation.objects.get(key="UNEP").name_es.startswith("Programa")
    bad = (
        "organisation,lang,kind,value,source\nUNEP,fr,name,PNUE-X,x\nUNEP,de,name,Y,x\n"
    )
    with pytest.raises(CommandError, match="line 3: 'de' is not a UN language"):
        _import(tmp_path, "bad.csv", bad)
    assert Organisation.objects.get(key="UNEP").name_fr != "PNUE-X"
    with pytest.raises(CommandError, match="no organisation"):
        _import(tmp_path, "x.csv", "organisation,lang,kind,value\nNOPE,fr,name,Z\n")
