"""`partnerships set-role USER ROLE`: give a user a role in the permission layer."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from partnerships.accounts.models import Profile, Role
from partnerships.reference.models import UnRegion
from partnerships.registry.categories import Category
from partnerships.registry.models import Organisation

# What an editor may do in the back office; the permission layer narrows it to the
# records in its charge.
EDITOR_APPS = ("registry", "cooperation", "sources")


class Command(BaseCommand):
    help = (
        "Make USER a focal point (--organisation KEY), an editor (--region M49, "
        "--category CATEGORY, repeatable) or an administrator."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=Role.values)
        parser.add_argument("--organisation")
        parser.add_argument("--region", action="append", default=[])
        parser.add_argument(
            "--category", action="append", default=[], choices=Category.values
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user is called {options['username']!r}.")
        role = options["role"]
        organisation = None
        if role == Role.FOCAL_POINT:
            organisation = Organisation.objects.filter(
                key=options["organisation"] or ""
            ).first()
            if organisation is None:
                raise CommandError(
                    "A focal point needs --organisation with an existing key."
                )
        regions = list(UnRegion.objects.filter(code__in=options["region"]))
        if missing := set(options["region"]) - {r.code for r in regions}:
            raise CommandError(f"Unknown UN M49 region codes: {sorted(missing)}.")
        profile, _ = Profile.objects.update_or_create(
            user=user,
            defaults={
                "role": role,
                "organisation": organisation,
                "categories": options["category"],
            },
        )
        profile.regions.set(regions)
        user.is_staff = role in (Role.EDITOR, Role.ADMINISTRATOR)
        user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
        if role == Role.EDITOR:
            user.user_permissions.set(
                Permission.objects.filter(
                    content_type__app_label__in=EDITOR_APPS
                ).exclude(codename__startswith="delete_")
            )
        self.stdout.write(f"{user.username} is now {profile.get_role_display()}.")
