"""A reason longer than the history keeps is cut, never refused by the database
(PostgreSQL refuses more than 100 characters; a merge's reason names two keys and
the reviewer's words)."""

from partnerships.core.versioned import REASON_LENGTH, fitted_reason


def test_a_long_reason_is_cut_with_an_ellipsis():
    long = "merged " + "A-VERY-LONG-KEY-" * 10 + " into UNDP: the same body"
    cut = fitted_reason(long)
    assert len(cut) == REASON_LENGTH and cut.endswith("…")
    assert long.startswith(cut[:-1])


def test_a_short_reason_is_kept_whole():
    assert fitted_reason("edited") == "edited"
