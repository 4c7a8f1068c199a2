"""The key of an organisation made in review reveals no hidden key (issue 16,
item 2). The attack: an editor accepts a candidate named by an acronym whose
plain key an unpublished organisation holds; stepping past it (`QHEF-2`) told
the editor that such a record exists. A key made in review is now the readable
base with a random suffix, whichever keys are taken."""

from __future__ import annotations

import re

import pytest

from partnerships.accounts.actors import actor_for
from partnerships.ingest.review import candidate_accept
from partnerships.ingest.services import ingest_text
from partnerships.registry.keys import ALPHABET, SUFFIX
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db

TEXT = """TEST/KEYS/1
I. Introduction
1. The Quiet Harbour Education Fund (QHEF) worked with UNDP on harbour towns.
"""
SHAPE = re.compile(rf"QHEF-[{ALPHABET}]{{{SUFFIX}}}")


def _accepted_key(editor) -> str:
    run = ingest_text(text=TEXT, lang="en", file_name="keys.txt")
    candidate = run.candidates.get(kind="organisation", label__contains="Quiet")
    accepted = candidate_accept(
        actor=actor_for(editor), candidate=candidate, changes={"category": "ngo"}
    )
    return accepted.organisation.key


@pytest.mark.parametrize("hidden_holds_the_key", [True, False])
def test_the_new_key_has_the_same_shape_whether_a_hidden_record_holds_it(
    editor, hidden_holds_the_key
):
    if hidden_holds_the_key:
        Organisation.objects.create(
            key="QHEF", category="foundation", name_en="Hidden", is_published=False
        )
    key = _accepted_key(editor)
    assert SHAPE.fullmatch(key), key
    assert Organisation.objects.get(key=key).name_en.startswith("Quiet Harbour")
