"""Checking and keeping uploaded documents: the applicants' documents and the
documents of meetings, both through `upload_store`.

A file is accepted when its extension is one of the allowed kinds, its first
bytes are what that kind starts with (a renamed executable is refused), it is not
larger than `STAKEHOLDER_UPLOAD_MAX_BYTES` (10 MB unless set) and the virus-scan
hook, if one is set, finds nothing. `STAKEHOLDER_VIRUS_SCAN` names a function
`scan(data: bytes, name: str) -> str | None` returning a finding or None; a finding
refuses the file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from partnerships.core.actor import Actor
from partnerships.core.versioned import audited_save
from partnerships.stakeholders.models import Application, ApplicationDocument
from partnerships.stakeholders.models.accreditation import StoredUpload

ZIP = b"PK\x03\x04"
# Extension: the bytes a file of that kind starts with.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "odt": (ZIP,),
    "xlsx": (ZIP,),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}
# The type a download is served as, from the (checked) extension, never the
# type the sender's browser claimed.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
logger = logging.getLogger(__name__)


def max_bytes() -> int:
    return int(getattr(settings, "STAKEHOLDER_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _scanner() -> Callable[[bytes, str], str | None] | None:
    path = getattr(settings, "STAKEHOLDER_VIRUS_SCAN", "")
    return import_string(path) if path else None


def check_upload(name: str, data: bytes) -> str:
    """Refuse a file of the wrong kind or size, or one the scanner flags; return
    what the scan said ("" when no scanner is set)."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(
            _("%(name)s: send a PDF, Word, OpenDocument, PNG or JPEG file.")
            % {"name": name}
        )
    if len(data) > max_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(mb)s MB.")
            % {"name": name, "mb": max_bytes() // (1024 * 1024)}
        )
    if not data.startswith(SIGNATURES[extension]):
        raise ValidationError(
            _("%(name)s is not the kind of file its name says.") % {"name": name}
        )
    scanner = _scanner()
    if scanner is None:
        return ""
    # What the scanner found is its to log; the sender is told only the refusal.
    # A scanner that fails refuses the file too: nothing unscanned is kept.
    try:
        finding = scanner(data, name)
    except Exception as error:
        logger.exception("virus scan of %s failed", name)
        raise ValidationError(
            _("%(name)s could not be scanned for viruses; send it again later.")
            % {"name": name}
        ) from error
    if finding:
        raise ValidationError(
            _("%(name)s was refused by the virus scan.") % {"name": name}
        )
    return "clean"


def upload_store(
    record: StoredUpload,
    *,
    actor: Actor,
    name: str,
    data: bytes,
    reason: str,
) -> None:
    """Check `data` (`check_upload`), fill the upload fields of `record` (an
    unsaved document: `file`, `original_name`, `size`, `content_type`,
    `sha256`, `scan`), write the file into its storage and save `record`
    audited."""
    record.scan = check_upload(name, data)
    extension = name.rsplit(".", 1)[-1].lower()
    record.original_name = name[:255]
    record.size = len(data)
    record.content_type = CONTENT_TYPES[extension]
    record.sha256 = hashlib.sha256(data).hexdigest()
    # The stored name is not the sender's: nothing it chose reaches the disk.
    record.file.save(f"{record.sha256[:32]}.{extension}", ContentFile(data), False)
    audited_save(record, actor=actor, reason=reason)


def document_store(
    *, actor: Actor, application: Application, kind: str, name: str, data: bytes
) -> ApplicationDocument:
    document = ApplicationDocument(application=application, kind=kind)
    upload_store(document, actor=actor, name=name, data=data, reason="uploaded")
    return document
