"""Sentences of a figures paragraph (reports.provided) in one language.

The stakeholder records of the period (`stakeholders` provider, data shape in
`partnerships/stakeholders/figures.py`): applications for accreditation received
and decided by stakeholder category, consultations with their comments by
category and who took part, bodies with their members and meetings, trainings
with the organisations that took part by category and the indicators covered.
Names of consultations, bodies and trainings are their engagements' titles in the
report's language (marked when they fall back); the phrases are in
`data/reports/figure_phrases.yaml`. A figure that is zero or unknown is left
unsaid rather than stated as nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnerships.reports.runs import Run, fill, join_runs, merge, pick

if TYPE_CHECKING:
    from partnerships.reports.realise import Writer

MAX_NAMES = 8  # more participants than this are counted by category, not named
MAX_CODES = 6  # more indicators than this are counted, not listed


class FigureWriter:
    def __init__(self, writer: Writer):
        self.w = writer
        self.p = writer.phrases["figures"]

    # --- pieces -------------------------------------------------------------------

    def count(self, noun: str, n: int) -> list[Run]:
        """ "3 comments", "3 замечания": the plural form CLDR gives the number."""
        forms = self.p[noun]
        form = self.w.fmt.locale.plural_form(n)
        return [Run(forms.get(form, forms["other"]).format(n=self.w.fmt.number(n)))]

    def groups(self, by_group: dict[str, int]) -> list[Run]:
        labels = self.p["groups"]
        items = sorted(by_group.items(), key=lambda kv: (-kv[1], kv[0]))
        return join_runs(
            [
                [
                    Run(
                        self.p["group_item"].format(
                            label=labels.get(g, labels["other"]),
                            n=self.w.fmt.number(n),
                        )
                    )
                ]
                for g, n in items
            ],
            self.w.fmt,
        )

    def name(self, data: dict[str, Any], field: str) -> list[Run]:
        row = self.w.rows.get(data.get("engagement", ""))
        if row:
            return self.w.title(row)
        return [self.w._count(pick({"en": data[field]}, self.w.lang))]

    def sentence(self, template: str, values: dict[str, list[Run]]) -> list[Run]:
        runs = fill(self.p[template], values)
        return runs or []

    def reporter(self) -> list[Run]:
        return [self.w.org_name(self.w.reporter)]

    def others(self, data: dict[str, Any]) -> list[str]:
        row = self.w.rows.get(data.get("engagement", ""))
        if not row:
            return []
        keys = [p["org"] for p in row["participants"] if p["org"] != self.w.reporter]
        return list(dict.fromkeys(keys))

    # --- records --------------------------------------------------------------------

    def applications(self, data: dict[str, Any]) -> list[list[Run]]:
        out = []
        received = data.get("received_by_group", {})
        if received:
            values = {
                "reporter": self.reporter(),
                "count": self.count("application", sum(received.values())),
                "groups": self.groups(received),
            }
            out.append(self.sentence("applications_received", values))
        outcomes = self._outcomes(data.get("decided_by_group_and_status", {}))
        if outcomes:
            total = sum(outcomes.values(), start=0)
            clauses = [
                fill(self.p[status], {"count": [Run(self.w.fmt.number(n))]}) or []
                for status, n in sorted(outcomes.items())
            ]
            values = {
                "count": self.count("application", total),
                "outcomes": join_runs(clauses, self.w.fmt),
            }
            out.append(self.sentence("applications_decided", values))
        if data.get("automatic"):
            out.append(self.count("automatic", data["automatic"]))
        return out

    def _outcomes(self, decided: dict[str, int]) -> dict[str, int]:
        outcomes: dict[str, int] = {}
        for key, n in decided.items():
            status = key.rpartition(":")[2]
            if status in ("accredited", "rejected"):
                outcomes[status] = outcomes.get(status, 0) + n
        return outcomes

    def consultations(self, data: dict[str, Any]) -> list[list[Run]]:
        out = [
            self.sentence(
                "consultation",
                {"reporter": self.reporter(), "title": self.name(data, "title")},
            )
        ]
        comments = data.get("comments_by_group", {})
        if comments:
            values = {
                "count": self.count("comment", sum(comments.values())),
                "groups": self.groups(comments),
            }
            out.append(self.sentence("comments", values))
        out.append(self.took_part(self.others(data)))
        return out

    def took_part(self, keys: list[str]) -> list[Run]:
        if not keys:
            return []
        if len(keys) > MAX_NAMES:
            return self.sentence(
                "took_part_count", {"count": self.count("organisation", len(keys))}
            )
        return self.sentence("took_part", {"orgs": self.w.orgs_list(keys)})

    def bodies(self, data: dict[str, Any]) -> list[list[Run]]:
        title = self.name(data, "name")
        kind = self.p["body_kinds"].get(data.get("kind", ""), "")
        out = [self.sentence("body", {"title": title, "kind": [Run(kind)]})]
        members = data.get("members_by_group", {})
        if members:
            values = {
                "count": self.count("member", sum(members.values())),
                "groups": self.groups(members),
            }
            out.append(self.sentence("body_members", values))
        if data.get("meetings"):
            out.append(self.count("meetings", data["meetings"]))
        return out

    def trainings(self, data: dict[str, Any]) -> list[list[Run]]:
        row = self.w.rows.get(data.get("engagement", ""))
        codes = data.get("indicators", [])
        values = {
            "title": self.name(data, "title"),
            "places": self.w.places(row) if row else [],
            "count": self.count(_indicator_noun(codes), len(codes)) if codes else [],
            "codes": [Run(", ".join(codes))] if 0 < len(codes) <= MAX_CODES else [],
        }
        out = [self.sentence("training", values)]
        by_group = data.get("organisations_by_group", {})
        if by_group:
            keys = self.others(data)
            values = {
                "count": self.count("organisation", sum(by_group.values())),
                "groups": self.groups(by_group),
                "names": self.w.orgs_list(keys) if len(keys) <= MAX_NAMES else [],
            }
            out.append(self.sentence("trainees", values))
        if data.get("people"):
            out.append(self.count("people", data["people"]))
        return out


def _indicator_noun(codes: list[str]) -> str:
    """Indicators all of SDG 11 are called so."""
    return "sdg11_indicator" if all(c.startswith("11.") for c in codes) else "indicator"


def figures_paragraph(writer: Writer, records: list[dict[str, Any]]) -> list[Run]:
    """The sentences of the records, in the order the provider gave them."""
    fw = FigureWriter(writer)
    space = "" if writer.lang == "zh" else " "
    runs: list[Run] = []
    for record in records:
        kind = record["figure"].rpartition(".")[2]
        telling = getattr(fw, kind, None)
        if telling is None:  # a kind this version of the report cannot tell
            continue
        for sentence in telling(record["data"]):
            if sentence:
                if runs:
                    runs.append(Run(space))
                runs.extend(sentence)
    return merge(runs)
