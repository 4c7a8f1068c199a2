from __future__ import annotations

from django import forms

from partnerships.core.languages import LANGUAGE_CHOICES
from partnerships.reports.models import Report

TEXT_FIELDS = [
    "body",
    "session",
    "session_place",
    "agenda_title",
    "agenda_footnote",
    "heading",
    "title",
    "report_of",
]


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
                    label=f"{name.replace('_', ' ')} ({label})",
                    required=False,
                    max_length=1000,
                    initial=texts.get(name, {}).get(lang, ""),
                )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period ends before it starts.")
        return data

    def save(self, commit: bool = True) -> Report:
        texts = {}
        for name in TEXT_FIELDS:
            values = {
                lang: self.cleaned_data[f"{name}_{lang}"].strip()
                for lang, _ in LANGUAGE_CHOICES
                if self.cleaned_data.get(f"{name}_{lang}", "").strip()
            }
            if values:
                texts[name] = values
        self.instance.texts = texts
        return super().save(commit)


class ParagraphForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10, "cols": 90}), max_length=20000
    )
