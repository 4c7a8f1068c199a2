"""A stored report run is read by who composed it and administrators, and by
editors only when it was composed with the public view (issue 16, item 2)."""

from __future__ import annotations

import pytest

from partnerships.accounts.actors import actor_for
from partnerships.core.actor import ANONYMOUS
from partnerships.reports.demo import seed_report
from partnerships.reports.services import create_run

pytestmark = pytest.mark.django_db


def _status(client, user, run) -> int:
    client.force_login(user)
    lang = run.report.original_language
    return client.get(f"/reports/runs/{run.pk}/{lang}/").status_code


def test_an_editor_cannot_read_a_run_composed_as_an_administrator(client, cast):
    admin, editor = cast["administrator"], cast["editor-africa"]
    run = create_run(seed_report(), actor_for(admin), admin)
    assert _status(client, editor, run) == 404
    assert _status(client, admin, run) == 200


def test_a_run_composed_as_an_editor_is_read_by_its_composer_only(client, cast):
    composer, other = cast["editor-africa"], cast["editor-private"]
    run = create_run(seed_report(), actor_for(composer), composer)
    assert _status(client, other, run) == 404
    assert _status(client, composer, run) == 200
    assert _status(client, cast["administrator"], run) == 200


def test_a_public_run_is_read_by_every_editor(client, cast):
    run = create_run(seed_report(), ANONYMOUS)
    assert _status(client, cast["editor-private"], run) == 200
