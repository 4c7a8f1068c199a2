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
   <langSet xml:lang="en"><termSec><term>United Cities and Local Governments</term>
     <termNote type="termType">fullForm</termNote></termSec>
     <termSec><term>UCLG</term><termNote type="termType">acronym</termNote></termSec></langSet>
   <langSet xml:lang="fr"><termSec><term>Cités et gouvernements locaux unis</term>
     <termNote type="termType">fullForm</termNote></termSec>
     <termSec><term>CGLU</term><termNote type="termType">acronym</termNote></termSec></langSet>
   <langSet xml:lang="ru"><termSec><term>Объединенные города и местные органы власти</term>
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
    uclg = Organisation.objects.get(key="UCLG")
    assert uclg.name_fr == "Cités et gouvernements locaux unis"
    assert uclg.name_ru.startswith("Объединенные города")
    assert OrganisationName.objects.filter(
        organisation=uclg, kind="acronym", lang="fr", value="CGLU"
    ).exists()
    reasons = set(uclg.history.values_list("history_change_reason", flat=True))
    assert {"terminology: UNTERM", "terminology: A/73/1 (ru)"} <= reasons
    assert "5 names read" in printed
    again = _import(tmp_path, "unterm.tbx", TBX)
    assert "0 added or corrected, 5 already there" in again


def test_a_csv_row_corrects_a_name_and_a_bad_row_changes_nothing(tmp_path):
    _import(
        tmp_path,
        "names.csv",
        "organisation,lang,kind,value,source\n"
        "UNEP,es,name,Programa de las Naciones Unidas para el Medio Ambiente (X),T\n"
        "ITU,fr,short,UIT-X,CRS\n",
    )
    assert Organisation.objects.get(key="UNEP").name_es.endswith("(X)")
    bad = (
        "organisation,lang,kind,value,source\nUNEP,fr,name,PNUE-X,x\nUNEP,de,name,Y,x\n"
    )
    with pytest.raises(CommandError, match="line 3: 'de' is not a UN language"):
        _import(tmp_path, "bad.csv", bad)
    assert Organisation.objects.get(key="UNEP").name_fr != "PNUE-X"
    with pytest.raises(CommandError, match="no organisation"):
        _import(tmp_path, "x.csv", "organisation,lang,kind,value\nNOPE,fr,name,Z\n")
