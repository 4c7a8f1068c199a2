"""Names of regions in the six languages: the UN M49 regions, and the regions of
IATI's Region codelist (OECD DAC) that engagements take place in.

An engagement's place may be a DAC region ("298 Africa, regional"). Where the DAC
region is the same area as an M49 region (Africa, Asia, Eastern Africa,
Caribbean, ...) it is named by its M49 name in each language
(`data/reference/m49_regions.csv`, its `dac` column; sources in
`data/reference/m49_regions.md`): "in Africa", "en Afrique", "在非洲", "في أفريقيا".
The DAC suffix ", regional" is not written: the region's name says where the
engagement took place, and "in Africa, regional" is no sentence. DAC regions with
no M49 equivalent (the Middle East, the Far East, developing countries, ...) are
named through the reports app's translation catalogues (`DAC_OTHER`); any other
keeps its English codelist name, marked as a fallback.

The names are read when a run is collected and stored in its snapshot, so a stored
run names its regions as it did.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

from partnerships.core.languages import LANGUAGES

M49_FILE = "m49_regions.csv"

# DAC regions that no M49 region covers, named through gettext.
DAC_OTHER = {
    "88": pgettext_lazy("region", "States of the former Yugoslavia"),
    "389": pgettext_lazy("region", "Central America and the Caribbean"),
    "589": pgettext_lazy("region", "Middle East"),
    "689": pgettext_lazy("region", "South and Central Asia"),
    "789": pgettext_lazy("region", "Far East"),
    "998": pgettext_lazy("region", "developing countries"),
}


@functools.cache
def _m49() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """M49 code -> names by language; DAC code -> M49 code."""
    path = Path(settings.DATA_DIR) / "reference" / M49_FILE
    names: dict[str, dict[str, str]] = {}
    dac: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names[row["m49"]] = {
                lang.code: row[lang.code] for lang in LANGUAGES if row.get(lang.code)
            }
            for code in filter(None, row["dac"].split(";")):
                dac[code] = row["m49"]
    return names, dac


def m49_names(code: str) -> dict[str, str]:
    """The names of an M49 region by language ({} for a code not listed)."""
    return dict(_m49()[0].get(code, {}))


def dac_region_names(code: str, name_en: str = "") -> dict[str, str]:
    """The names of a DAC region (IATI Region codelist) by language: its M49
    equivalent's, else the catalogues' translation, else its English name."""
    m49 = _m49()[1].get(code)
    if m49:
        return m49_names(m49)
    if code in DAC_OTHER:
        with translation.override("en"):
            english = str(DAC_OTHER[code])
        names = {}
        for lang in LANGUAGES:
            with translation.override(lang.interface):
                text = str(DAC_OTHER[code])
            if text != english or lang.code == "en":  # untranslated: falls back
                names[lang.code] = text
        return names
    return {"en": name_en} if name_en else {}
