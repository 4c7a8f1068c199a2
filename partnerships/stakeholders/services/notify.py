"""E-mails to applicants, through Django's e-mail backend (the console in
development), written in the language the applicant used."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from partnerships.stakeholders.models import Application


def _send(application: Application, subject: str, body: str) -> None:
    if not application.contact_email:
        return  # erased on request: nobody to tell
    send_mail(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [application.contact_email],
        fail_silently=False,
    )


def tell_received(application: Application, status_url: str) -> None:
    with translation.override(application.language):
        _send(
            application,
            _("Your application for accreditation was received"),
            _(
                "We received the application of %(name)s for accreditation to "
                "%(session)s. Follow it, and answer our questions, at this "
                "address, which only you have: %(url)s"
            )
            % {
                "name": application.name,
                "session": application.session.title,
                "url": status_url,
            },
        )


def tell_status(application: Application, note: str) -> None:
    """A change the applicant should know of: a request for more, a decision."""
    with translation.override(application.language):
        _send(
            application,
            _("Your application for accreditation: %(status)s")
            % {"status": application.get_status_display()},
            _(
                "The application of %(name)s for accreditation to %(session)s is "
                "now: %(status)s.\n\n%(note)s\n\nUse the address you received "
                "with the acknowledgement to see it."
            )
            % {
                "name": application.name,
                "session": application.session.title,
                "status": application.get_status_display(),
                "note": note,
            },
        )
