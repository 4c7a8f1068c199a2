from partnerships.stakeholders.models.accreditation import (
    CHECKLIST,
    DECIDED,
    REQUIRED_DOCUMENTS,
    Accreditation,
    Application,
    ApplicationDocument,
    ApplicationStatus,
    Basis,
    BasisEntry,
    DocumentKind,
    Message,
    Session,
)

__all__ = [
    "CHECKLIST",
    "DECIDED",
    "REQUIRED_DOCUMENTS",
    "Accreditation",
    "Application",
    "ApplicationDocument",
    "ApplicationStatus",
    "Basis",
    "BasisEntry",
    "DocumentKind",
    "Message",
    "Session",
]
