"""How the registry's vocabulary maps to IATI 2.03 codes (see docs/iati.md).

Kept as data, so that a reviewer reads the decisions in one place and a test can
check every code against the codelists.
"""

from __future__ import annotations

from partnerships.cooperation.models import Role, Status

VERSION = "2.03"
DEFAULT_LANG = "en"

# Engagement role -> IATI OrganisationRole (1 Funding, 2 Accountable, 3 Extending,
# 4 Implementing). Roles absent here have no IATI equivalent and are left out:
# a beneficiary receives the benefits (IATI 2.03 has no beneficiary role; places
# carry the recipients), and a participant only took part (attended a meeting, sat
# in a network) without funding, overseeing or doing the work. Extending (3) means
# managing a funder's money on its behalf, which the registry never records, so no
# role maps to it: organisers and hosts do the work (4), chairs oversee it (2).
ROLE_CODES: dict[str, str] = {
    Role.FUNDER: "1",
    Role.LEAD: "2",
    Role.SIGNATORY: "2",
    Role.CHAIR: "2",
    Role.CO_CHAIR: "2",
    Role.IMPLEMENTER: "4",
    Role.PARTNER: "4",
    Role.MEMBER: "4",
    Role.ORGANISER: "4",
    Role.HOST: "4",
    Role.AUTHOR: "4",
}

# Engagement status -> IATI ActivityStatus. `unknown` is resolved from the dates
# first (see export.effective_status): activity-status is required by the XSD.
STATUS_CODES: dict[str, str] = {
    Status.PLANNED: "1",  # Pipeline/identification
    Status.ONGOING: "2",  # Implementation
    Status.COMPLETED: "4",  # Closed
    Status.CANCELLED: "5",  # Cancelled
}

# ActivityDateType
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# Themes are not DAC sectors. A theme maps to a DAC 5-digit purpose code
# (Sector codelist, vocabulary 1) only where one code plainly covers it; every code
# is active in data/reference/iati/codelists/non-embedded/Sector.xml (2023-02-23).
# Left out on purpose: climate (a policy marker, not a sector), crisis (spans
# humanitarian 720xx and reconstruction 73010), economy, safety (no DAC code for
# urban crime prevention), public-space, technology, youth, gender (a policy
# marker), children, rural-urban, participation, un-coordination, knowledge.
THEME_SECTORS: dict[str, str] = {
    "urban-policy": "43031",  # Urban land policy and management (urban planning)
    "planning": "43031",  # Urban land policy and management
    "land": "43031",  # Urban land policy and management
    "housing": "16030",  # Housing policy and administrative management
    "basic-services": "14030",  # Basic drinking water supply and basic sanitation
    "resilience": "43060",  # Disaster Risk Reduction
    "migration": "15190",  # Facilitation of orderly, safe, regular ... migration
    "mobility": "21010",  # Transport policy and administrative management
    "governance": "15112",  # Decentralisation and support to subnational govt
    "data": "16062",  # Statistical capacity building
}
SECTOR_VOCABULARY = "1"  # OECD DAC CRS purpose codes (5 digit)
REGION_VOCABULARY = "1"  # OECD DAC regions
SDG_TARGET_VOCABULARY = "3"  # TagVocabulary: UN SDG targets

DESCRIPTION_GENERAL = "1"
RELATED_PARENT, RELATED_CHILD = "1", "2"

# A contribution is money an organisation committed to the engagement; the
# registry does not say whether it was paid. Reported by the reporting
# organisation, another funder's contribution is an Incoming Commitment (11); the
# reporting organisation's own is an Outgoing Commitment (2).
INCOMING_COMMITMENT = "11"
OUTGOING_COMMITMENT = "2"

# IATI identifiers may not contain these (IATI rulesets); a registry key may hold
# a space or "&", and such an engagement is left out rather than renamed.
IDENTIFIER_FORBIDDEN = frozenset(" /&|?\t\n")

# Children of iati-activity kept as published with the engagement and written
# again by the export (docs/iati.md, "What is kept").
KEPT = (
    "other-identifier",
    "contact-info",
    "activity-scope",
    "location",
    "sector",
    "tag",
    "country-budget-items",
    "humanitarian-scope",
    "policy-marker",
    "collaboration-type",
    "default-flow-type",
    "default-finance-type",
    "default-aid-type",
    "default-tied-status",
    "capital-spend",
    "document-link",
    "related-activity",
    "legacy-data",
    "conditions",
    "result",
    "crs-add",
    "fss",
)
# Elements the registry maps, kept as published too, so that an export gives
# back what the registry cannot hold: narratives in languages other than the six
# UN languages (with their xml:lang), descriptions other than the general one,
# and each participating-org as published (role 3 Extending, @activity-id,
# @crs-channel-code), where it still names a participation (echo.py).
ECHOED = ("title", "description", "participating-org")
# Elements the registry maps but writes in its own way (its dates, a status,
# places shared evenly), and the activity's own attributes (default-currency,
# humanitarian ...) as an empty `iati-activity`: kept as published and written
# again as published while what the registry holds still reads the same from
# them; the reporting-org with `--reporting-org-mode as-published`
# (published_out.py).
FAITHFUL = (
    "reporting-org",
    "activity-status",
    "activity-date",
    "recipient-country",
    "recipient-region",
)
ACTIVITY = "iati-activity"
# Attributes of iati-activity that describe the export, not the activity.
OWN_ATTRIBUTES = frozenset(
    {"last-updated-datetime", "{http://www.w3.org/XML/1998/namespace}lang"}
)
