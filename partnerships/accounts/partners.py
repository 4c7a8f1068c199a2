"""Sign-in for everyone who is not staff — above all partner focal points — with
a password reset by e-mail, and one's own profile and proposals.

Staff keep the back office's login (`views.LoginView`); this page accepts any
active user and, like it, limits attempts per address. The reset mails go through
Django's e-mail backend (`EMAIL_BACKEND`; the console by default) and answer the
same whether or not the address is known.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from partnerships.accounts.actors import actor_for
from partnerships.accounts.views import _answers_rate_limits, _login_rate
from partnerships.cooperation.visibility import proposals_visible_to
from partnerships.registry.visibility import organisations_visible_to


def _limited(group: str) -> Any:
    """Attempts per address limited as the staff login's are (LOGIN_RATE)."""

    def decorate(view_class: type) -> type:
        limit = ratelimit(
            group=group, key="ip", rate=_login_rate, method="POST", block=True
        )
        view_class = method_decorator(limit, name="dispatch")(view_class)
        return method_decorator(_answers_rate_limits, name="dispatch")(view_class)

    return decorate


@_limited("partner-login")
class PartnerLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("partner-profile")


@_limited("password-reset")
class ResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class ResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/message.html"
    extra_context = {
        "message": "If that address belongs to an account, a link to choose a new "
        "password is on its way. It can be used once."
    }


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/message.html"
    extra_context = {"message": "Your password is set. You can sign in with it now."}


@login_required(login_url="partner-login")
def profile(request: HttpRequest) -> HttpResponse:
    """Who one is, the organisation one speaks for, and one's proposals."""
    actor = actor_for(request.user)
    organisation = None
    if actor.organisation_id:
        organisation = (
            organisations_visible_to(actor).filter(pk=actor.organisation_id).first()
        )
    proposals = (
        proposals_visible_to(actor)
        .filter(proposed_by=request.user)
        .select_related("engagement")[:200]
    )
    context = {"actor": actor, "organisation": organisation, "proposals": proposals}
    return render(request, "accounts/profile.html", context)
