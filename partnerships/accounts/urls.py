"""Included in the root URLconf before the admin site, so that its login is ours."""

from django.urls import path

from partnerships.accounts.views import LoginView

urlpatterns = [
    path("admin/login/", LoginView.as_view(), name="login"),
]
