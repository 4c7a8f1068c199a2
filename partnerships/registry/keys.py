"""Keys for organisations made from a name (a candidate accepted in review): a
key that reveals nothing of the records its maker may not see.

Keys are unique across the registry, hidden records included. Stepping past a
taken key (`QHEF`, then `QHEF-2`) would tell the maker that some record holds
`QHEF` even when the maker may not see it. So a key made here never depends on
which keys are taken: it is always the readable base followed by a random
suffix (`QHEF-7K2M`), drawn again in the rare case it is taken, which nobody can
tell from a first draw.
"""

from __future__ import annotations

import secrets

from django.db import models

from partnerships.registry.models import Organisation

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L to misread
SUFFIX = 4  # 31**4, about 920 000 keys per base
LONGEST = 60  # of the base, before its suffix


def suffixed_key(
    base: str,
    *,
    model: type[models.Model] = Organisation,
    avoid: frozenset[str] | set[str] = frozenset(),
) -> str:
    """`base-XXXX`, a key no record of `model` holds (an organisation unless
    told) and not in `avoid`; `base` is already a key's shape."""
    base = base[:LONGEST].rstrip("-")
    while True:
        suffix = "".join(secrets.choice(ALPHABET) for _ in range(SUFFIX))
        key = f"{base}-{suffix}"
        if key not in avoid and not model._default_manager.filter(key=key).exists():
            return key
