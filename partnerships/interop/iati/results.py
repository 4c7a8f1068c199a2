"""What an import makes of a file as a whole and of each activity in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from partnerships.interop.iati.chunk import Item


@dataclass
class Summary:
    file: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    writes: int = 0
    organisations_created: int = 0
    organisations_matched: int = 0
    # Names near (not equal to) a registry name, proposed for review (near.py).
    organisations_proposed: int = 0
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, line: int, identifier: str, reason: str) -> None:
        self.skipped.append((line, identifier or _("(no identifier)"), reason))


@dataclass(frozen=True)
class Prepared:
    """One activity, checked: an Item to write, or the reason it is skipped."""

    line: int
    identifier: str
    item: Item | None
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    # Imported before as it is now (digest.py): nothing to check or write.
    unchanged: bool = False
