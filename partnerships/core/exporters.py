"""The one way to declare an export: a small registered class.

An exporter writes its file to a binary stream (so that large exports stream in
bounded memory) for an actor, whose visibility rules it applies; `render` gives
`(filename, mimetype, bytes)` for the small ones. Apps register theirs when they
load (`apps.py`), so a page or a command finds every export by its identifier
without importing the app that makes it:

    @register
    class Organisations(Exporter):
        identifier = "organisations"
        verbose_name = "Organisations (CSV)"
        extension, mimetype = "csv", "text/csv; charset=utf-8"

        def write(self, stream, actor, **options): ...
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO, ClassVar

from partnerships.core.actor import Actor


class UnknownExport(KeyError):
    """No exporter has that identifier."""


class Exporter:
    identifier: ClassVar[str]
    verbose_name: ClassVar[str]
    extension: ClassVar[str]
    mimetype: ClassVar[str]

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> int | None:
        """Write the file; may return how many records it holds."""
        raise NotImplementedError

    def filename(self, **options: Any) -> str:
        return f"{self.identifier}.{self.extension}"

    def content_type(self, **options: Any) -> str:
        return self.mimetype

    def render(self, actor: Actor, **options: Any) -> tuple[str, str, bytes]:
        buffer = io.BytesIO()
        self.write(buffer, actor, **options)
        return self.filename(**options), self.content_type(**options), buffer.getvalue()


EXPORTERS: dict[str, type[Exporter]] = {}


def register(cls: type[Exporter]) -> type[Exporter]:
    if cls.identifier in EXPORTERS and EXPORTERS[cls.identifier] is not cls:
        raise ValueError(f"Two exporters are called {cls.identifier!r}.")
    EXPORTERS[cls.identifier] = cls
    return cls


def exporter(identifier: str) -> Exporter:
    try:
        return EXPORTERS[identifier]()
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise UnknownExport(
            f"There is no export called {identifier!r}; there are: {known}."
        ) from None
