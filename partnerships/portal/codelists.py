"""The labels of the registry's codelists in the reader's language.

The models keep their labels in English (they are also the API's and the exports'
words); the portal translates them when it shows them. The list below only marks
them for extraction into the portal's catalogue: it must follow the models' labels
(a label missing here is shown in English).
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

MARKED = [
    # cooperation.models.Kind
    gettext_noop("agreement"),
    gettext_noop("project or programme"),
    gettext_noop("funding"),
    gettext_noop("network, task force or advisory body"),
    gettext_noop("event"),
    gettext_noop("publication"),
    gettext_noop("inter-agency coordination"),
    gettext_noop("resolution or decision"),
    gettext_noop("commitment"),
    # cooperation.models.Role
    gettext_noop("lead"),
    gettext_noop("partner"),
    gettext_noop("funder"),
    gettext_noop("implementer"),
    gettext_noop("signatory"),
    gettext_noop("member"),
    gettext_noop("chair"),
    gettext_noop("co-chair"),
    gettext_noop("host"),
    gettext_noop("organiser"),
    gettext_noop("beneficiary"),
    gettext_noop("author"),
    gettext_noop("participant"),
    # cooperation.models.Status
    gettext_noop("planned or under negotiation"),
    gettext_noop("ongoing"),
    gettext_noop("completed"),
    gettext_noop("cancelled"),
    gettext_noop("unknown"),
    # registry.categories.Category
    gettext_noop("UN principal organ or intergovernmental body"),
    gettext_noop("UN Secretariat department or office"),
    gettext_noop("UN fund or programme"),
    gettext_noop("UN specialized agency"),
    gettext_noop("UN related organization"),
    gettext_noop("UN regional economic commission"),
    gettext_noop("UN research and training institute"),
    gettext_noop("Other UN entity"),
    gettext_noop("Inter-agency mechanism"),
    gettext_noop("Intergovernmental organization"),
    gettext_noop("Development bank or financial institution"),
    gettext_noop("Bilateral development agency"),
    gettext_noop("National government"),
    gettext_noop("Other public sector body"),
    gettext_noop("Local or regional government"),
    gettext_noop("Association of local governments"),
    gettext_noop("Non-governmental or civil-society organization"),
    gettext_noop("Academia and research"),
    gettext_noop("Private sector"),
    gettext_noop("Foundation"),
    gettext_noop("Network, alliance or platform"),
    gettext_noop("Other"),
]


def label(text: str) -> str:
    return gettext(text) if text else text
