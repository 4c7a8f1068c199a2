"""Staff pages of the report: masthead, compose, preview per language, download,
rewrite a paragraph. Reports are composed from what the public may see."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.core.actor import ANONYMOUS
from partnerships.core.languages import LANGUAGE_CHOICES, UN_LANGUAGES
from partnerships.reports.annex import statistics_annex
from partnerships.reports.compose import compose
from partnerships.reports.diff import diff_sections, diff_snapshots
from partnerships.reports.forms import ParagraphForm, ReportForm
from partnerships.reports.missing import missing_terms
from partnerships.reports.models import Report, ReportRun
from partnerships.reports.realise import realise
from partnerships.reports.render import CONTENT_TYPES, FORMATS
from partnerships.reports.render import render as render_report
from partnerships.reports.render.html import render_html
from partnerships.reports.services import (
    create_run,
    run_readable_by,
    save_paragraph_text,
)


@staff_required
def report_list(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save()
        return redirect("reports:detail", key=report.key)
    return render(
        request,
        "reports/list.html",
        {
            "reports": Report.objects.select_related("reporter"),
            "form": form,
            "title": _("Periodic reports"),
        },
    )


@staff_required
def report_detail(request: HttpRequest, key: str) -> HttpResponse:
    report = get_object_or_404(Report, key=key)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("reports:detail", key=report.key)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "form": form,
            "runs": report.runs.all()[:20],
            "languages": LANGUAGE_CHOICES,
            "formats": FORMATS,
            "title": str(report),
        },
    )


@staff_required
@require_POST
def compose_run(request: HttpRequest, key: str) -> HttpResponse:
    report = get_object_or_404(Report, key=key)
    with transaction.atomic():
        run = create_run(report, ANONYMOUS, request.user)
    return redirect("reports:preview", pk=run.pk, lang=report.original_language)


def _run(request: HttpRequest, pk: int, lang: str) -> ReportRun:
    if lang not in UN_LANGUAGES:
        raise Http404("unknown language")
    run = get_object_or_404(ReportRun.objects.select_related("report"), pk=pk)
    if not run_readable_by(run, staff_actor(request)):
        raise Http404("no such run")
    return run


@staff_required
def preview(request: HttpRequest, pk: int, lang: str) -> HttpResponse:
    run = _run(request, pk, lang)
    doc = realise(run.snapshot, lang, draft=True)
    body = render_html(doc, statistics_annex(doc, charts=False))
    return render(
        request,
        "reports/preview.html",
        {
            "run": run,
            "lang": lang,
            "languages": LANGUAGE_CHOICES,
            "formats": FORMATS,
            "document": body,
            "paragraphs": doc.paragraphs(),
            "title": f"{run.report.symbol} [{lang}]",
        },
    )


@staff_required
def download(request: HttpRequest, pk: int, lang: str, fmt: str) -> HttpResponse:
    run = _run(request, pk, lang)
    if fmt not in FORMATS:
        raise Http404("unknown format")
    draft = request.GET.get("draft") == "1"
    data = render_report(run.snapshot, lang, fmt, draft=draft)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = run.report.symbol.replace("/", "-") + (".draft" if draft else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.{lang}.{fmt}"'
    return response


def _composed(run: ReportRun, lang: str, anchor: str) -> dict[str, Any]:
    """The paragraph as the run composed it in `lang` (or as staff wrote it), and
    the data under it: its engagements with their keys, and the source passages."""
    para = next(
        (
            p
            for p in realise(run.snapshot, lang, draft=True).paragraphs()
            if p.anchor == anchor
        ),
        None,
    )
    if para is None:  # a new free paragraph
        return {"text": "", "engagements": [], "passages": [], "number": None}
    return {
        "text": "".join(r.text for r in para.runs),
        "number": para.number,
        "engagements": [
            ("".join(r.text for r in title), key) for key, title in para.engagements
        ],
        "passages": para.passages,
        "stale": para.stale,
    }


@staff_required
def edit_paragraph(
    request: HttpRequest, pk: int, lang: str, anchor: str
) -> HttpResponse:
    run = _run(request, pk, lang)
    known = {p.anchor for p in compose(run.snapshot).paragraphs()}
    is_new_text = anchor.partition("/")[2].startswith("text-")
    if anchor not in known and not is_new_text:
        raise Http404("no such paragraph")
    current = next(
        (
            t["text"]
            for t in run.snapshot["texts"]
            if t["anchor"] == anchor and t["lang"] == lang
        ),
        "",
    )
    composed = _composed(run, lang, anchor)
    form = ParagraphForm(
        request.POST or None, initial={"text": current or composed["text"]}
    )
    if request.method == "POST" and form.is_valid():
        save_paragraph_text(
            run.report, lang, anchor, form.cleaned_data["text"], request.user, run
        )
        new_run = create_run(run.report, ANONYMOUS, request.user)
        return redirect("reports:preview", pk=new_run.pk, lang=lang)
    return render(
        request,
        "reports/paragraph_form.html",
        {
            "run": run,
            "lang": lang,
            "anchor": anchor,
            "form": form,
            "title": f"{anchor} [{lang}]",
            "composed": composed,
            "staff_text": bool(current),
        },
    )


@staff_required
def missing(request: HttpRequest, pk: int) -> HttpResponse:
    """Per language, the names and titles the run shows in another language, by
    how often they occur."""
    run = _run(request, pk, "en")
    return render(
        request,
        "reports/missing.html",
        {
            "run": run,
            "languages": [
                (code, name, terms, sum(n for _, _, n in terms))
                for (code, name), terms in zip(
                    LANGUAGE_CHOICES,
                    (missing_terms(run.snapshot, code) for code, _ in LANGUAGE_CHOICES),
                    strict=True,
                )
            ],
            "title": _("Missing names and titles, run %(run)s") % {"run": run.pk},
        },
    )


@staff_required
def run_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed since an earlier run (`?against=N`; by default the report's
    run before this one): the `--diff` command's lists as a staff page."""
    run = _run(request, pk, "en")
    against = request.GET.get("against", "")
    if against.isdigit():
        earlier: ReportRun | None = _run(request, int(against), "en")
    else:
        earlier = (
            ReportRun.objects.filter(report=run.report, pk__lt=run.pk)
            .order_by("-pk")
            .first()
        )
    sections = []
    if earlier is not None:
        diff = diff_snapshots(earlier.snapshot, run.snapshot)
        sections = diff_sections(diff, earlier.snapshot, run.snapshot)
    return render(
        request,
        "reports/diff.html",
        {
            "run": run,
            "earlier": earlier,
            "sections": sections,
            "title": _("What changed in run %(run)s") % {"run": run.pk},
        },
    )
