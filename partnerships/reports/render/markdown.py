from __future__ import annotations

from partnerships.reports.document import Document
from partnerships.reports.runs import Run


def _text(runs: Run | list[Run]) -> str:
    items = [runs] if isinstance(runs, Run) else runs
    return "".join(
        f"[{r.text}]{{lang={r.fallback}}}" if r.fallback else r.text for r in items
    )


def render_markdown(doc: Document) -> str:
    """Markdown for editors; a fallback is written [text]{lang=en}."""
    m = doc.masthead
    lines = [
        f"**{m['symbol']}** — {_text(m['body'])}",
        "",
        " · ".join(
            v for v in (m["distribution"], m["date"], m["version"], m["original"]) if v
        ),
        "",
        f"{_text(m['session'])}, {_text(m['session_where'])}",
        "",
        f"{m['agenda_item']}\\* {_text(m['agenda_title'])}",
        "",
        f"# {_text(m['heading'])}",
        "",
        f"**{_text(m['title'])}**",
        "",
        _text(m["report_of"]),
        "",
    ]
    for chapter in doc.chapters:
        lines += [f"## {chapter.label} {_text(chapter.title)}", ""]
        for para in chapter.paragraphs:
            lines += [_para(doc, para), ""]
        for section in chapter.sections:
            lines += [f"### {section.label} {_text(section.title)}", ""]
            for para in section.paragraphs:
                lines += [_para(doc, para), ""]
    if m["agenda_footnote"].text:
        lines += ["---", "", f"\\* {_text(m['agenda_footnote'])}", ""]
    if doc.draft:
        if doc.word_count_text:
            lines += [doc.word_count_text, ""]
        lines += _provenance(doc) + _left_out(doc)
    return "\n".join(lines)


def _annex_heading(doc: Document, name: str, label: str) -> str:
    number = doc.annexes.get(name, "")
    return f"## {number}: {label}" if number else f"## {label}"


def _para(doc: Document, para) -> str:
    """A numbered paragraph; a staff text whose data changed since is flagged."""
    flag = f" **[{doc.labels['stale']}]**" if para.stale else ""
    return f"{para.label or f'{para.number}.'} {_text(para.runs)}{flag}"


def _left_out(doc: Document) -> list[str]:
    if not doc.left_out:
        return []
    heading = _annex_heading(doc, "left_out", doc.labels["annex_left_out"])
    lines = [heading, "", doc.labels["left_out_note"], ""]
    for key, title in doc.left_out:
        lines.append(f"- {_text(title)} `{key}`")
    lines.append("")
    return lines


def _provenance(doc: Document) -> list[str]:
    lines = [_annex_heading(doc, "provenance", doc.labels["annex_provenance"]), ""]
    for para in doc.paragraphs():
        if para.kind in ("opening", "closing"):
            lines.append(f"- {para.number}: {doc.labels['annex_statistics']}")
        if para.engagements:
            keys = ", ".join(f"`{key}`" for key, _ in para.engagements)
            sources = "; ".join(
                f"{p['document']} ¶{p['paragraph']}" for p in para.passages
            )
            lines.append(
                f"- {para.number}: {keys}" + (f" — {sources}" if sources else "")
            )
    lines.append("")
    return lines
