"""The one way to declare an export: a small registered class.

An exporter hands out its file in pieces (`chunks`, a generator of bytes), so
that an export of a million records streams in bounded memory to a response or
a file; `write` copies those pieces to a binary stream and `render` gives
`(filename, mimetype, bytes)` for the small ones. It reads for an actor, whose
visibility rules it applies. Apps register theirs when they load (`apps.py`),
so a page or a command finds every export by its identifier without importing
the app that makes it:

    @register
    class Organisations(Exporter):
        identifier = "organisations"
        verbose_name = "Organisations (CSV)"
        extension, mimetype = "csv", "text/csv; charset=utf-8"

        def chunks(self, actor, **options): yield ...

An exporter may instead define `write` alone (the small ones do); its `chunks`
then holds the whole file before handing it out.
"""

from __future__ import annotations

import io
from collections.abc import Generator, Iterator
from itertools import chain
from typing import IO, Any, BinaryIO, ClassVar

from partnerships.core.actor import Actor

PIECE = 1 << 16  # the size of the pieces an export hands out, about
FILE_PIECE = 1 << 20  # the size of the pieces read back from a spooled file

Chunks = Generator[bytes, None, Any]


class UnknownExport(KeyError):
    """No exporter has that identifier."""


class Pieces:
    """A write-only binary sink that an incremental writer (csv, lxml's xmlfile,
    zipfile) writes to and a generator empties (`take`) as it goes."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        return None

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        self.size = 0
        return data


def file_chunks(spool: IO[bytes]) -> Iterator[bytes]:
    """A finished file (a workbook, which a zip must end before it is read) read
    back from its start in pieces, and closed when read or abandoned."""
    try:
        spool.seek(0)
        while piece := spool.read(FILE_PIECE):
            yield piece
    finally:
        spool.close()


def drain(pieces: Chunks, stream: BinaryIO) -> Any:
    """Copy the pieces to `stream`; returns what the generator returns."""
    while True:
        try:
            stream.write(next(pieces))
        except StopIteration as done:
            return done.value


class Exporter:
    identifier: ClassVar[str]
    verbose_name: ClassVar[str]
    extension: ClassVar[str]
    mimetype: ClassVar[str]
    # What the exporter raises when it has nothing it may write (a sentence
    # for the reader), so that a page answers it without importing its app.
    refusals: ClassVar[tuple[type[Exception], ...]] = ()

    def chunks(self, actor: Actor, **options: Any) -> Chunks:
        """The file in pieces; the generator returns what `write` returns."""
        buffer = io.BytesIO()
        result = self.write(buffer, actor, **options)
        yield buffer.getvalue()
        return result

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> Any:
        """Write the file; may return how many records it holds."""
        if type(self).chunks is Exporter.chunks:
            raise NotImplementedError
        return drain(self.chunks(actor, **options), stream)

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


def primed_chunks(pieces: Chunks) -> Iterator[bytes]:
    """The pieces, once the first full one is in hand (or the whole file): an
    IATI exporter says only at its end that it could write no activity, and a
    refusal must come before the response's first byte."""
    first = []
    try:
        while True:
            first.append(next(pieces))
            if len(first[-1]) >= PIECE:
                break
    except StopIteration:
        pass
    return chain(first, pieces)
