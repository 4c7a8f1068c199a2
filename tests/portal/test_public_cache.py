"""What the portal keeps for the public between requests (docs/portal.md,
"Benchmark"): search results, directory and engagement list pages, profiles and
the filters' choices. A write drops them at once; whoever is signed in with a
role never gets the public's copy; the filters' select boxes are written as
Django's own widget writes them."""

from __future__ import annotations

import pytest
from django import forms
from django.test import Client

from partnerships.core.actor import system_actor
from partnerships.portal.browse_forms import EngagementListForm
from partnerships.portal.forms import DirectoryForm
from partnerships.portal.widgets import QuickSelect
from partnerships.registry.services import organisation_create, organisation_update

pytestmark = pytest.mark.django_db

LOADER = system_actor("tests")
WORD = "Zyxquorble"


def _found(client: Client, text: str) -> set[str]:
    page = client.get("/search/", {"q": text, "type": "organisations"})
    assert page.status_code == 200
    return {f.organisation.key for f in page.context["results"].organisations.items}


def _listed(client: Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200
    return page.content.decode()


def test_a_new_organisation_is_found_at_once_though_the_search_was_cached(client):
    assert _found(client, WORD) == set()
    assert _found(client, WORD) == set()  # now from the cache
    organisation_create(
        actor=LOADER,
        key="ZYX-TRUST",
        changes={"name_en": f"{WORD} Housing Trust", "category": "ngo"},
    )
    assert _found(client, WORD) == {"ZYX-TRUST"}


def test_a_rename_shows_on_the_cached_profile_and_directory(client):
    org = organisation_create(
        actor=LOADER,
        key="ZYX-TRUST",
        changes={"name_en": f"{WORD} Housing Trust", "category": "ngo"},
    )
    url = "/organisations/?category=ngo&sort=newest"
    assert f"{WORD} Housing Trust" in _listed(client, url)
    assert f"{WORD} Housing Trust" in _listed(client, "/organisations/ZYX-TRUST/")
    organisation_update(
        actor=LOADER,
        organisation=org,
        expected_version=org.version,
        changes={"name_en": f"{WORD} Land Trust"},
    )
    assert f"{WORD} Land Trust" in _listed(client, url)
    assert f"{WORD} Housing Trust" not in _listed(client, url)
    assert f"{WORD} Land Trust" in _listed(client, "/organisations/ZYX-TRUST/")


def test_staff_see_the_unpublished_whatever_the_public_was_given(client, cast):
    organisation_create(
        actor=LOADER,
        key="ZYX-HIDDEN",
        changes={
            "name_en": f"{WORD} Hidden Fund",
            "category": "ngo",
            "is_published": False,
        },
    )
    assert _found(client, WORD) == set()
    staff = Client()
    staff.force_login(cast["administrator"])
    assert _found(staff, WORD) == {"ZYX-HIDDEN"}
    # And the public's copy was not replaced by the administrator's.
    assert _found(client, WORD) == set()
    signed_in = Client()
    signed_in.force_login(cast["no-role"])
    assert _found(signed_in, WORD) == set()


def test_the_unpublished_engagement_stays_out_of_the_publics_cached_list(
    client, cast, records
):
    url = "/engagements/?q=zebrafinch&sort=key"
    public = _listed(client, url)
    assert "matrix-published" in public and "matrix-unpublished" not in public
    staff = Client()
    staff.force_login(cast["administrator"])
    assert "matrix-unpublished" in _listed(staff, url)
    assert "matrix-unpublished" not in _listed(client, url)


@pytest.mark.parametrize(
    "form",
    [
        lambda: DirectoryForm({"country": "KE", "kind": "project", "sort": "-name"}),
        lambda: DirectoryForm(),
        lambda: EngagementListForm(
            {"year": "undated", "sdg_target": "11.1", "theme": "nonsense"}
        ),
        lambda: EngagementListForm(),
    ],
)
def test_the_quick_select_writes_what_djangos_select_writes(form):
    made = form()
    made.is_valid()
    boxes = [
        name for name, f in made.fields.items() if isinstance(f.widget, QuickSelect)
    ]
    assert len(boxes) >= 6
    for name in boxes:
        field = made[name]
        django = field.as_widget(widget=forms.Select(choices=field.field.choices))
        assert str(field) == django, name
        # Twice: the second from the widget's memory.
        assert str(field) == django, name


def test_readers_asking_the_same_page_at_once_wait_for_one_computation():
    """The first requests of a page asked by several readers at once: one thread
    computes, the others get its result (a second computation would mean they
    each queued for the CPU)."""
    import threading

    from django.core.cache import cache

    from partnerships.core.actor import ANONYMOUS
    from partnerships.portal.figures import cached_public

    cache.clear()
    started, release, calls = threading.Event(), threading.Event(), []

    def compute() -> str:
        calls.append(1)
        started.set()
        release.wait(5)
        return "page"

    answers: list[str] = []
    first = threading.Thread(
        target=lambda: answers.append(cached_public(ANONYMOUS, "t", ("x",), compute))
    )
    first.start()
    started.wait(5)
    waiters = [
        threading.Thread(
            target=lambda: answers.append(
                cached_public(ANONYMOUS, "t", ("x",), compute)
            )
        )
        for _ in range(3)
    ]
    for thread in waiters:
        thread.start()
    release.set()
    for thread in [first, *waiters]:
        thread.join(10)
    assert answers == ["page"] * 4
    assert len(calls) == 1


def test_a_page_another_process_is_computing_is_waited_for(monkeypatch):
    """Server processes sharing a cache: while one computes a page (its claim in the
    cache), another asked for it reads the result when it is kept instead of
    computing it a second time; if none comes in time, it computes it itself."""
    import threading

    from django.core.cache import cache

    from partnerships.portal import figures

    cache.clear()
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return "ours"

    cache.add("k:computing", 1, 30)  # the other process's claim
    later = threading.Timer(0.1, lambda: cache.set("k", "theirs", 30))
    later.start()
    assert figures._computed_once("k", compute) == "theirs"
    later.join()
    assert calls == []

    cache.clear()
    cache.add("k:computing", 1, 30)  # claimed, but nothing ever kept
    monkeypatch.setattr(figures, "WAIT_SECONDS", 0.1)
    assert figures._computed_once("k", compute) == "ours"
    assert calls == [1]
    assert cache.get("k") == "ours"
    assert cache.get("k:computing") is None
