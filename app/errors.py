"""Typed errors the user can act on.

``UserError`` and its subclasses are problems of the input or the environment that a person
can fix (a bad field, a damaged file, a database from a newer version). They carry a message
fit to show as is. Anything else raised is a bug and is logged with its trace.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``str()`` is the message to show."""


class ValidationError(UserError):
    """A field of the input is wrong. ``field`` names it (dotted for nested input)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class NotFound(UserError):
    """A record named by the input does not exist."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class DatabaseRefused(UserError):
    """The database file cannot be opened safely; it was left untouched."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class NotADatabase(DatabaseRefused):
    """The file is not an SQLite database."""


class DatabaseDamaged(DatabaseRefused):
    """The file is an SQLite database that fails its integrity check."""


class DatabaseTooNew(DatabaseRefused):
    """The database was written by a newer version of EthicsDesk."""


class ResourceMissing(UserError):
    """A file that ships with EthicsDesk is missing: the installation is broken."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(f"{name}: {message}")
