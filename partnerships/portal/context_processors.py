"""What every portal page needs to know about the reader."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from partnerships.accounts.actors import actor_for
from partnerships.core.languages import INTERFACE_LANGUAGES


def portal(request: HttpRequest) -> dict[str, Any]:
    # Lazy: pages that never show the staff menu (the admin, the API) pay nothing.
    return {
        # Each language by its own name, untranslated (Django's
        # get_available_languages would translate "English" into 英语).
        "ui_languages": INTERFACE_LANGUAGES,
        "staff": SimpleLazyObject(
            lambda: actor_for(getattr(request, "user", None)).is_staff_role
        ),
    }
