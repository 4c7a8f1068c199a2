"""Every `ValidationError` a module raises with words of its own passes them
through gettext (issue 15, item 7).

A form or a staff page shows the message of a `ValidationError` as it is, so an
English literal reaches a reader of any language. The test reads the code (its
syntax tree, not text): the first argument (or `message=`) of each
`ValidationError(...)` call, and each value of a dict or dict comprehension
given there, may not be a string literal, an f-string, or a string formatted
with `%` or `.format` unless a gettext call holds the string.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "partnerships"
GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
}
# Messages that only programs read may stay in English: (path, message as the
# code writes it) -> the reason. Today there are none: every ValidationError
# raised under partnerships/ reaches a person (docs/i18n.md).
MACHINE_FACING: dict[tuple[str, str], str] = {}
# Files other work is translating now; the count may only go down. Empty since
# the reading review and the staff pages followed (docs/i18n.md).
PENDING: dict[str, int] = {}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _translated(node: ast.expr) -> bool:
    if isinstance(node, ast.Call):
        return _name(node.func) in GETTEXT
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _translated(node.left)
    return False


def _literal(node: ast.expr) -> bool:
    """English text written here: a literal, an f-string, or one formatted."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    if isinstance(node, ast.Call) and _name(node.func) == "format":
        return isinstance(node.func, ast.Attribute) and _literal(node.func.value)
    return False


def _messages(call: ast.Call) -> list[ast.expr]:
    given = call.args[:1] or [k.value for k in call.keywords if k.arg == "message"]
    out: list[ast.expr] = []
    for node in given:
        if isinstance(node, ast.Dict):
            out.extend(node.values)
        elif isinstance(node, ast.DictComp):
            out.append(node.value)
        else:
            out.append(node)
    return out


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) of each ValidationError message written in English here."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node.func) != "ValidationError":
            continue
        for message in _messages(node):
            if _literal(message) and not _translated(message):
                found.append((node.lineno, ast.unparse(message)))
    return found


def _found() -> dict[str, list[tuple[int, str]]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        if found := untranslated(path.read_text(encoding="utf-8")):
            out[path.relative_to(ROOT).as_posix()] = found
    return out


def test_the_reader_finds_english_where_it_is_written():
    """The check itself: what it refuses and what it lets through."""
    refused = untranslated(
        "raise ValidationError('a')\n"
        "raise ValidationError({'end': f'b {x}'})\n"
        "raise forms.ValidationError('c %s' % x)\n"
        "raise ValidationError({n: 'd' for n in names})\n"
        "raise ValidationError(message='e {}'.format(x))\n"
    )
    assert [line for line, _ in refused] == [1, 2, 3, 4, 5]
    assert not untranslated(
        "raise ValidationError(_('a'))\n"
        "raise ValidationError({'end': _('b %(x)s') % {'x': x}})\n"
        "raise ValidationError({n: gettext('d') for n in names})\n"
        "raise ValidationError(error.messages)\n"
        "raise ValidationError({name: str(exc)})\n"
    )


def test_every_validation_message_is_marked_for_translation():
    found = _found()
    left = {
        path: [(n, text) for n, text in lines if (path, text) not in MACHINE_FACING]
        for path, lines in found.items()
        if path not in PENDING
    }
    assert {path: lines for path, lines in left.items() if lines} == {}


def test_the_pending_files_only_shrink():
    counts = Counter({path: len(lines) for path, lines in _found().items()})
    assert all(path.split("/")[1] in ("ingest", "portal") for path in PENDING)
    grown = {p: counts[p] for p in PENDING if counts[p] > PENDING[p]}
    assert grown == {}
