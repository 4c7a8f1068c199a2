"""`partnerships demo-admin`: an administrator account for trying the product."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the demo administrator 'admin' with a random password kept in "
        "var/demo-admin-password, and print how to log in."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(settings.VAR_DIR) / "demo-admin-password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        password = path.read_text(encoding="utf-8").strip() if path.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(password)
            if user is None:
                user = user_model(username=USERNAME, is_staff=True, is_superuser=True)
            user.set_password(password)
            user.save()
        self.stdout.write(
            "Demo administrator: open http://127.0.0.1:8000/admin/ and log in as "
            f"'{USERNAME}' with the password '{password}' (kept in {path})."
        )
