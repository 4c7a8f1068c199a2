"""Long batch work (an import of tens of thousands of rows) with fewer of the
garbage collector's passes: each pass walks every young object, and a batch
makes dicts and rows by the hundred thousand, almost none of them in cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Objects made (less those freed) before the youngest generation is collected;
# Python's default is 700. The older generations keep their own pace.
YOUNG = 20_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the youngest generation less often while the block runs."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG), *before[1:])
    # What exists already (modules, models, caches) is never garbage of the
    # batch: set aside, the older generations' passes do not walk it.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
