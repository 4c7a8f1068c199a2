"""20 back-office saves of one engagement version at once: one is saved, 19 are
refused, and the history has one row for the change (issue 16; PostgreSQL only).

Each writer is a thread with its own database connection, so the records the
test works on are committed (in a thread) and removed at the end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client

from partnerships.cooperation.models import Engagement
from tests import factories

WRITERS = 20
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite's test database is not shared by threads",
    ),
]


def _in_thread(work: Callable[[], Any]) -> Any:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = work()
        except Exception as error:  # noqa: BLE001 - handed to the test's thread
            out["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]


def _form(client: Client, url: str, version: int) -> dict[str, Any]:
    page = client.get(url)
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value not in (None, [])
    }
    for flag in ("is_published", "is_confidential"):
        data[flag] = "on" if data.get(flag) else ""
    return {**data, "version": version}


@pytest.fixture
def committed():
    """A superuser and an engagement committed outside the test's transaction."""

    def make() -> tuple[Any, Engagement]:
        user = get_user_model().objects.create_superuser(
            username="race-admin", password="a long test password 1"
        )
        return user, factories.engagement(key="race-engagement", countries=("KE",))

    user, engagement = _in_thread(make)
    yield user, engagement

    def clean() -> None:
        Engagement.history.filter(key=engagement.key).delete()
        Engagement.objects.filter(pk=engagement.pk).delete()
        user.delete()

    _in_thread(clean)


def test_of_twenty_simultaneous_saves_one_wins(committed):
    user, engagement = committed
    url = f"/admin/cooperation/engagement/{engagement.pk}/change/"

    def prepare() -> dict[str, Any]:
        client = Client()
        client.force_login(user)
        return _form(client, url, engagement.version)

    form = _in_thread(prepare)
    start = threading.Barrier(WRITERS)
    answers: list[str] = []
    lock = threading.Lock()

    def save(number: int) -> None:
        client = Client()
        client.force_login(user)
        start.wait()
        response = client.post(url, {**form, "title_en": f"Writer {number}"})
        # A refusal shows the form again, or sends back to it with a message;
        # a save goes on to the list.
        refused = response.status_code == 200 or response["Location"] == url
        with lock:
            answers.append("refused" if refused else "saved")
        connections.close_all()

    writers = [threading.Thread(target=save, args=(n,)) for n in range(WRITERS)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    def outcome() -> tuple[Engagement, int]:
        saved = Engagement.objects.get(pk=engagement.pk)
        return saved, saved.history.filter(history_type="~").count()

    saved, changes = _in_thread(outcome)
    assert sorted(answers) == ["refused"] * (WRITERS - 1) + ["saved"]
    assert saved.version == engagement.version + 1
    assert saved.title_en.startswith("Writer ")
    assert changes == 1
