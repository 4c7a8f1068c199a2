"""Included in the root URLconf before the admin site, so that its login is ours."""

from django.contrib.auth.views import LogoutView
from django.urls import path

from partnerships.accounts import partners
from partnerships.accounts.views import LoginView

urlpatterns = [
    path("admin/login/", LoginView.as_view(), name="login"),
    path("accounts/login/", partners.PartnerLoginView.as_view(), name="partner-login"),
    path(
        "accounts/logout/",
        LogoutView.as_view(next_page="partner-login"),
        name="partner-logout",
    ),
    path("accounts/profile/", partners.profile, name="partner-profile"),
    path(
        "accounts/password-reset/", partners.ResetView.as_view(), name="password_reset"
    ),
    path(
        "accounts/password-reset/done/",
        partners.ResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        partners.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        partners.ResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
