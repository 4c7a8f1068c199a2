"""The applicant's side of accreditation and the reviewer's steps before the
decision: submit, ask for more, answer, tick the checklist, erase the contact.

Each write is audited (simple-history, with the user and a reason). The public
submits and answers as the anonymous actor: the secret link it holds is its only
key (`visibility.application_for_token`)."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.core.actor import ANONYMOUS, Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.versioned import audited_save
from partnerships.stakeholders.models import (
    CHECKLIST,
    DECIDED,
    Application,
    ApplicationStatus,
    Message,
    Session,
)
from partnerships.stakeholders.services import notify
from partnerships.stakeholders.services.decisions import accredit_on_basis
from partnerships.stakeholders.services.uploads import document_store
from partnerships.stakeholders.visibility import can_review, token_hash

# What an applicant gives, in the order the public form asks for it.
SUBMITTED_FIELDS = (
    "name",
    "acronym",
    "country",
    "website",
    "category",
    "group",
    "description",
    "contact_name",
    "contact_email",
    "contact_phone",
)
Upload = tuple[str, str, bytes]  # (document kind, file name, content)


def application_submit(
    *,
    session: Session,
    values: dict[str, object],
    uploads: list[Upload],
    language: str,
    status_url: Callable[[str], str],
) -> tuple[Application, str]:
    """Record an application with its documents; accredit it at once when a
    basis is recorded. Returns the application and the applicant's secret."""
    if not session.is_open:
        raise ValidationError(_("This session no longer takes applications."))
    if refused := set(values) - set(SUBMITTED_FIELDS):
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(refused)})
    values = dict(values)
    # A code (the loaders, the tests) or a Country (the form).
    values["country_id"] = getattr(
        values.get("country"), "pk", values.pop("country", None)
    )
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        application = Application(
            session=session, language=language, token_hash=token_hash(token), **values
        )
        audited_save(application, actor=ANONYMOUS, reason="submitted")
        for kind, name, data in uploads:
            document_store(
                actor=ANONYMOUS,
                application=application,
                kind=kind,
                name=name,
                data=data,
            )
        accredit_on_basis(application)
    notify.tell_received(application, status_url(token))
    if application.status == ApplicationStatus.ACCREDITED:
        notify.tell_status(application, application.reason)
    return application, token


def _reviewable(actor: Actor, application: Application) -> None:
    if not can_review(actor, application):
        raise NotAllowed(_("This application is not in your charge."))
    if application.status in DECIDED:
        raise ValidationError(_("This application has been decided."))


def application_request_more(
    *, actor: Actor, application: Application, text: str
) -> Message:
    _reviewable(actor, application)
    if not text.strip():
        raise ValidationError(_("Say what is missing."))
    with transaction.atomic():
        message = Message(application=application, from_staff=True, text=text)
        audited_save(message, actor=actor, reason="more requested")
        application.status = ApplicationStatus.MORE_REQUESTED
        audited_save(application, actor=actor, reason="more requested")
    notify.tell_status(application, text)
    return message


def application_answer(
    *, application: Application, text: str, uploads: list[Upload]
) -> Message:
    """The applicant's answer, given through its secret link."""
    if application.status in DECIDED:
        raise ValidationError(_("This application has been decided."))
    with transaction.atomic():
        message = Message(application=application, from_staff=False, text=text)
        audited_save(message, actor=ANONYMOUS, reason="answered")
        for kind, name, data in uploads:
            document_store(
                actor=ANONYMOUS,
                application=application,
                kind=kind,
                name=name,
                data=data,
            )
        application.status = ApplicationStatus.SUBMITTED
        audited_save(application, actor=ANONYMOUS, reason="answered")
    return message


def application_check(
    *, actor: Actor, application: Application, ticked: set[str]
) -> Application:
    _reviewable(actor, application)
    if unknown := ticked - set(CHECKLIST):
        raise ValidationError(_("Unknown items: %(i)s") % {"i": ", ".join(unknown)})
    application.checklist = {key: key in ticked for key in CHECKLIST}
    audited_save(application, actor=actor, reason="checklist")
    return application


def contact_erase(*, actor: Actor, application: Application, reason: str) -> None:
    """Erase the contact person's data on request, from the record and from its
    history, leaving an audited row that says who erased it and why."""
    if not can_review(actor, application):
        raise NotAllowed(_("This application is not in your charge."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the erasure."))
    blank = {"contact_name": "", "contact_email": "", "contact_phone": ""}
    with transaction.atomic():
        Application.history.filter(id=application.pk).update(**blank)
        for name, value in blank.items():
            setattr(application, name, value)
        application.contact_erased_at = timezone.now()
        audited_save(application, actor=actor, reason=f"contact erased: {reason}")
