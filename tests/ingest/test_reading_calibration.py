"""Gates chosen on the first runs of the corpus's batches (docs/ingest.md,
"Calibrated on first runs (session 12)"): categories of proposal, defined by their
form, that were mostly wrong on pages the extractor had not seen. Each is checked on
sentences written for the test (no sentence of the corpus or the seed)."""

from __future__ import annotations

from tests.ingest.reading import found as _found
from tests.ingest.reading import kinds as _kinds
from tests.ingest.reading import names as _names


def test_a_latin_acronym_no_text_defines_is_no_organisation_in_chinese(
    reference_gazetteer,
):
    text = "联合国开发计划署与KLM签署了合作协议,支持实现SDGs。\n"
    assert _names(reference_gazetteer, text, "zh") == {"联合国开发计划署"}
    (kinds,) = _kinds(reference_gazetteer, text, "zh")
    assert not {name for _, name in kinds} & {"KLM", "SDGs"}


def test_an_acronym_defined_for_a_chinese_name_still_names_it(reference_gazetteer):
    (found,) = _found(
        reference_gazetteer,
        "联合国开发计划署与北方水务公司(NWC)签署了协议。NWC将负责实施。\n",
        "zh",
    )
    # NWC stands for the company named before it, not for an acronym of its own.
    assert found["NWC"].endswith("公司")


def test_a_new_chinese_name_ending_in_fund_or_enterprise_is_no_organisation(
    reference_gazetteer,
):
    assert _names(
        reference_gazetteer, "联合国人居署与绿色城市基金签署了合作协议。\n", "zh"
    ) == {"联合国人居署"}
    assert _names(
        reference_gazetteer,
        "联合国开发计划署将与浙江民营企业合作,推动绿色发展。\n",
        "zh",
    ) == {"联合国开发计划署"}
