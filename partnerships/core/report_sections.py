"""Report section providers: figures a feature app gives the periodic report.

The report and the apps whose records it tells (stakeholder engagement: sections
VIII.G, VIII.H and IX) are sibling features and must not import each other. An
app registers a provider when it loads (its `AppConfig.ready`); the report asks
this registry for every provider's figures of a period and stores them in its
snapshot as plain data, so a stored run renders the same later:

    register_section_provider("stakeholders", period_figures)

A provider is called as `provider(start, end, actor)` and returns JSON-ready data
(dicts, lists, strings, numbers, None), read through the visibility rules of the
actor. Each record in it that an engagement stands for names that engagement's key
(`"engagement"`), so the report cites its evidence like every other paragraph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from partnerships.core.actor import Actor

SectionProvider = Callable[[dt.date, dt.date, Actor], dict[str, Any]]

PROVIDERS: dict[str, SectionProvider] = {}


def register_section_provider(name: str, provider: SectionProvider) -> None:
    """Register `provider` under `name`; registering the same one again is harmless."""
    if PROVIDERS.get(name, provider) is not provider:
        raise ValueError(f"Two report section providers are called {name!r}.")
    PROVIDERS[name] = provider


def provided_figures(start: dt.date, end: dt.date, actor: Actor) -> dict[str, Any]:
    """Every registered provider's figures of the period, by provider name."""
    return {name: PROVIDERS[name](start, end, actor) for name in sorted(PROVIDERS)}
