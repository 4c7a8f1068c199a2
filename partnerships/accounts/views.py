"""The admin's login, with a limit on attempts per address."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from partnerships.accounts import two_factor


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The answer to a request over a rate limit (settings.RATELIMIT_VIEW)."""
    return HttpResponse(
        _(
            "Too many attempts from your address in a short time. Wait a minute, "
            "then try again."
        ),
        status=429,
        content_type="text/plain; charset=utf-8",
    )


def _login_rate(group: str, request: HttpRequest) -> str:
    # Read on each request, so LOGIN_RATE can change without a new view.
    return settings.LOGIN_RATE


def _answers_rate_limits(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Turn `Ratelimited` into settings.RATELIMIT_VIEW's answer.

    django-ratelimit's middleware would do this site-wide; done here, the login is
    answered with 429 (not the 403 Django gives a PermissionDenied) without it.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Ratelimited as exc:
            return import_string(settings.RATELIMIT_VIEW)(request, exc)

    return wrapped


@method_decorator(_answers_rate_limits, name="dispatch")
@method_decorator(
    ratelimit(group="login", key="ip", rate=_login_rate, method="POST", block=True),
    name="dispatch",
)
class LoginView(auth_views.LoginView):
    """The admin site's login page (as `AdminSite.login`), limited per address."""

    template_name = "accounts/staff_login.html"
    authentication_form = AdminAuthenticationForm

    def get_form_class(self) -> type:
        if two_factor.required():
            from django_otp.admin import OTPAdminAuthenticationForm

            return OTPAdminAuthenticationForm
        return AdminAuthenticationForm

    def get_template_names(self) -> list[str]:
        if two_factor.required():
            return ["otp/admin111/login.html"]
        return [self.template_name]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.current_app = admin.site.name
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if admin.site.has_permission(request):
            return HttpResponseRedirect(self._admin_index())
        return super().get(request, *args, **kwargs)

    def get_default_redirect_url(self) -> str:
        return self._admin_index()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            admin.site.each_context(self.request),
            title=_("Log in"),
            subtitle=None,
            app_path=self.request.get_full_path(),
            username=self.request.user.get_username(),
        )
        if (
            REDIRECT_FIELD_NAME not in self.request.GET
            and REDIRECT_FIELD_NAME not in self.request.POST
        ):
            context[REDIRECT_FIELD_NAME] = self._admin_index()
        return context

    def _admin_index(self) -> str:
        return reverse("admin:index", current_app=admin.site.name)
