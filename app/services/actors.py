"""Who is acting: the account (or the system) on whose behalf a service runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The acting account's name and role (a role of app/services/permissions.py)."""

    username: str
    role: str


# Data dirs without accounts, headless commands and the demo act as the system.
SYSTEM = Actor("system", "admin")
