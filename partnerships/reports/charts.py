"""Charts of the statistics annex as PNG images (for DOCX and PDF, and HTML).

matplotlib from 3.11 lays out complex text itself (libraqm: shaping and the
bidirectional order), so Arabic labels go in as they are written; shaping and
reordering them first as well (arabic-reshaper, python-bidi) drew them mirrored,
as the report of issue 13 found. Older matplotlib drew text left to right without
shaping: for it the labels are still shaped and reordered first. Fonts come from the Debian packages
the set-up installs (Noto CJK for Chinese, Noto Naskh/Sans Arabic for Arabic).
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib import pyplot as plt

from partnerships.core.languages import language

# matplotlib's own font, always there.
LAST_RESORT = "DejaVu Sans"


def _family(lang: str) -> list[str]:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    wanted = dict.fromkeys([*language(lang).sans, LAST_RESORT])
    return [name for name in wanted if name in installed] or [LAST_RESORT]


COMPLEX_LAYOUT = tuple(int(x) for x in matplotlib.__version__.split(".")[:2]) >= (
    3,
    11,
)


def _visual(text: str, lang: str) -> str:
    if not language(lang).rtl or COMPLEX_LAYOUT:
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(text))


def bar_chart(
    title: str, items: list[tuple[str, int]], lang: str, fmt: str = "png"
) -> bytes:
    """A horizontal bar chart, largest first, as PNG bytes (deterministic); `fmt`
    "pdf" lays the same text out as PDF text, which a test reads back."""
    labels = [_visual(label, lang) for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    height = max(1.6, 0.32 * len(items) + 0.9)
    with plt.rc_context(
        {"font.family": _family(lang), "svg.hashsalt": "report", "figure.dpi": 110}
    ):
        fig, ax = plt.subplots(figsize=(6.3, height))
        ax.barh(range(len(values)), values, color="#1f5a96")
        ax.set_yticks(range(len(values)), labels, fontsize=8)
        ax.set_title(_visual(title, lang), fontsize=10)
        for i, v in enumerate(values):
            ax.text(v, i, f" {v}", va="center", fontsize=7)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="x", labelsize=7)
        fig.tight_layout()
        buffer = io.BytesIO()
        metadata = {"Software": None} if fmt == "png" else {"Creator": None}
        fig.savefig(buffer, format=fmt, metadata=metadata)
        plt.close(fig)
    return buffer.getvalue()
