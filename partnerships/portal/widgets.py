"""A select box written in Python instead of through Django's widget templates.

The filters of the directory and the engagement list have long option lists (the
countries, the SDG targets, the years): Django renders each option through two
included templates, which took 60-70 % of those pages' time (profiled at 100 000
organisations and 1 000 000 engagements, docs/portal.md, "Benchmark"). This widget
writes the same markup as `django/forms/widgets/select.html` (a test compares the
two), with the same escaping, in a fraction of the time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


class Normalized(BaseChoiceIterator):
    """Choices already as (value, label) pairs, given to a field as they are.

    Setting a ChoiceField's choices runs Django's `normalize_choices` over every
    option twice (for the field and for its widget), a third of the engagement
    list's form at its 600 options; it passes an iterator of this kind through.
    """

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs

    def __iter__(self) -> Any:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


def _attrs(attrs: dict[str, Any]) -> str:
    """As `django/forms/widgets/attrs.html`: False left out, True bare."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            out.append(f" {conditional_escape(name)}")
        else:
            out.append(
                f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
            )
    return "".join(out)


def _frozen(choices: Any) -> tuple[tuple[str, Any], ...]:
    """The choices as a hashable tuple, each label as the text it shows now."""
    return tuple(
        (
            "" if value is None else str(value),
            _frozen(label) if isinstance(label, (list, tuple)) else str(label),
        )
        for value, label in choices
    )


@lru_cache(maxsize=1024)
def _select(
    name: str,
    attrs: tuple[tuple[str, Any], ...],
    choices: tuple[tuple[str, Any], ...],
    wanted: frozenset[str],
) -> str:
    out = [f'<select name="{conditional_escape(name)}"{_attrs(dict(attrs))}>']
    found = False
    for option_value, option_label in choices:
        group_name, options = "", ((option_value, option_label),)
        if isinstance(option_label, tuple):
            group_name, options = option_value, option_label
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for text, label in options:
            selected = not found and text in wanted
            found = found or selected
            out.append(
                f'\n  <option value="{conditional_escape(text)}"'
                f"{' selected' if selected else ''}>"
                f"{conditional_escape(label)}</option>\n"
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


class QuickSelect(forms.Select):
    """One value from a list; the options written straight from `choices` (as
    `Select.optgroups` would give them: the first option of the value selected).
    The same box (name, attributes, choices in the reader's language, value) is
    written once and then reused: a filter mostly shows its empty value."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        built = self.build_attrs(self.attrs, attrs)
        parts = (
            name,
            tuple((k, v) for k, v in built.items()),
            _frozen(self.choices),
            frozenset(self.format_value(value)),
        )
        try:
            html = _select(*parts)
        except TypeError:  # an attribute's value that cannot be a key
            html = _select.__wrapped__(*parts)
        return mark_safe(html)  # noqa: S308 - every value escaped in _select
