from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from partnerships.core.languages import LANGUAGE_CHOICES
from partnerships.reports.models import Report

# The masthead's texts, each with its label.
TEXT_LABELS = {
    "body": _("body"),
    "session": _("session"),
    "session_place": _("session place"),
    "agenda_title": _("agenda title"),
    "agenda_footnote": _("agenda footnote"),
    "heading": _("heading"),
    "title": _("title"),
    "report_of": _("report of"),
}
TEXT_FIELDS = list(TEXT_LABELS)


class ReportForm(forms.ModelForm):
    """The masthead of a report; texts once per language."""

    class Meta:
        model = Report
        fields = [
            "key",
            "reporter",
            "period_start",
            "period_end",
            "symbol",
            "original_language",
            "distribution",
            "date",
            "session_start",
            "session_end",
            "agenda_item",
        ]
        labels = {
            "key": _("Key"),
            "reporter": _("Reporting organisation"),
            "period_start": _("Period start"),
            "period_end": _("Period end"),
            "symbol": _("Symbol"),
            "original_language": _("Original language"),
            "distribution": _("Distribution"),
            "date": _("Date"),
            "session_start": _("Session start"),
            "session_end": _("Session end"),
            "agenda_item": _("Agenda item"),
        }
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in (
                "period_start",
                "period_end",
                "date",
                "session_start",
                "session_end",
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        texts = self.instance.texts or {}
        for name in TEXT_FIELDS:
            for lang, label in LANGUAGE_CHOICES:
                self.fields[f"{name}_{lang}"] = forms.CharField(
                    label=format_lazy("{} ({})", TEXT_LABELS[name], label),
                    required=False,
                    max_length=1000,
                    initial=texts.get(name, {}).get(lang, ""),
                )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        return data

    def save(self, commit: bool = True) -> Report:
        texts = {}
        for name in TEXT_FIELDS:
            values = {
                lang: self.cleaned_data[f"{name}_{lang}"].strip()
                for lang, _label in LANGUAGE_CHOICES
                if self.cleaned_data.get(f"{name}_{lang}", "").strip()
            }
            if values:
                texts[name] = values
        self.instance.texts = texts
        return super().save(commit)


class ParagraphForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10, "cols": 90}),
        max_length=20000,
    )
