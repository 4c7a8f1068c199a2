"""The taxonomy of organisations, following the structure of the periodic report.

Each category maps to a default code of IATI's OrganisationType codelist; one
organisation may override it (a national NGO is 22 rather than 21).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    UN_PRINCIPAL_ORGAN = (
        "un_principal_organ",
        _("UN principal organ or intergovernmental body"),
    )
    SECRETARIAT = "secretariat", _("UN Secretariat department or office")
    FUND_PROGRAMME = "fund_programme", _("UN fund or programme")
    SPECIALIZED_AGENCY = "specialized_agency", _("UN specialized agency")
    RELATED_ORGANIZATION = "related_organization", _("UN related organization")
    REGIONAL_COMMISSION = "regional_commission", _("UN regional economic commission")
    RESEARCH_TRAINING = "research_training", _("UN research and training institute")
    OTHER_UN_ENTITY = "other_un_entity", _("Other UN entity")
    INTER_AGENCY_MECHANISM = "inter_agency_mechanism", _("Inter-agency mechanism")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
    DEVELOPMENT_BANK = (
        "development_bank",
        _("Development bank or financial institution"),
    )
    DEVELOPMENT_AGENCY = "development_agency", _("Bilateral development agency")
    NATIONAL_GOVERNMENT = "national_government", _("National government")
    PUBLIC_SECTOR = "public_sector", _("Other public sector body")
    LOCAL_GOVERNMENT = "local_government", _("Local or regional government")
    LOCAL_GOVERNMENT_ASSOCIATION = (
        "local_government_association",
        _("Association of local governments"),
    )
    NGO = "ngo", _("Non-governmental or civil-society organization")
    ACADEMIA = "academia", _("Academia and research")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    FOUNDATION = "foundation", _("Foundation")
    NETWORK = "network", _("Network, alliance or platform")
    OTHER = "other", _("Other")


UN_SYSTEM = frozenset(
    {
        Category.UN_PRINCIPAL_ORGAN,
        Category.SECRETARIAT,
        Category.FUND_PROGRAMME,
        Category.SPECIALIZED_AGENCY,
        Category.RELATED_ORGANIZATION,
        Category.REGIONAL_COMMISSION,
        Category.RESEARCH_TRAINING,
        Category.OTHER_UN_ENTITY,
        Category.INTER_AGENCY_MECHANISM,
    }
)

# Default IATI OrganisationType code of each category.
IATI_TYPE: dict[str, str] = {
    Category.UN_PRINCIPAL_ORGAN: "40",
    Category.SECRETARIAT: "40",
    Category.FUND_PROGRAMME: "40",
    Category.SPECIALIZED_AGENCY: "40",
    Category.RELATED_ORGANIZATION: "40",
    Category.REGIONAL_COMMISSION: "40",
    Category.RESEARCH_TRAINING: "40",
    Category.OTHER_UN_ENTITY: "40",
    Category.INTER_AGENCY_MECHANISM: "40",
    Category.INTERGOVERNMENTAL: "40",
    Category.DEVELOPMENT_BANK: "40",
    Category.DEVELOPMENT_AGENCY: "10",
    Category.NATIONAL_GOVERNMENT: "10",
    Category.PUBLIC_SECTOR: "15",
    Category.LOCAL_GOVERNMENT: "11",
    Category.LOCAL_GOVERNMENT_ASSOCIATION: "21",
    Category.NGO: "21",
    Category.ACADEMIA: "80",
    Category.PRIVATE_SECTOR: "70",
    Category.FOUNDATION: "60",
    Category.NETWORK: "90",
    Category.OTHER: "90",
}

# Categories of the UN reference list (data/reference/un_entities.csv) mapped to ours.
FROM_UN_REFERENCE: dict[str, str] = {
    "secretariat": Category.SECRETARIAT,
    "fund_programme": Category.FUND_PROGRAMME,
    "specialized_agency": Category.SPECIALIZED_AGENCY,
    "related_organization": Category.RELATED_ORGANIZATION,
    "regional_commission": Category.REGIONAL_COMMISSION,
    "research_training": Category.RESEARCH_TRAINING,
    "other": Category.OTHER_UN_ENTITY,
}
