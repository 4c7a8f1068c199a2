from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _mend_fulltext(using: str = "default", **kwargs: Any) -> None:
    from partnerships.core.fulltext import mend_triggers

    mend_triggers(using)


class CoreConfig(AppConfig):
    name = "partnerships.core"
    label = "core"

    def ready(self) -> None:
        from partnerships.core import data_version

        data_version.connect()
        # After every migration has run. The signal is sent once for each app
        # with models (this one has none); when nothing is missing the check is
        # two reads of SQLite's schema table.
        post_migrate.connect(_mend_fulltext, dispatch_uid="mend-fulltext")
