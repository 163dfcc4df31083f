"""Typed errors the user can act on.

``UserError`` and its subclasses are problems of the input or the environment that a person
can fix (a bad field, a damaged file, a database from a newer version). They carry a message
fit to show as is. Anything else raised is a bug and is logged with its trace.

Messages are bilingual at the source (DESIGN.md section 3): ``str()`` is the English text
(what logs, tests and English scripts read), and the raiser may add the Chinese text with
``zh=``. ``localized(lang)`` picks one for the UI or CLI language; an error raised without
Chinese falls back to English.
"""

from __future__ import annotations


def is_chinese(lang: str) -> bool:
    """Does ``lang`` (``zh``, ``zh_CN``, ``en`` …) ask for Chinese text?"""
    return lang.lower().startswith("zh")


class UserError(Exception):
    """A problem the user can fix; ``str()`` is the English message to show, ``zh`` the
    Chinese one (None when the raiser gave none)."""

    def __init__(self, message: str = "", *, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh

    def localized(self, lang: str) -> str:
        """The whole message in ``lang``: the Chinese text for ``zh*`` when there is one,
        else ``str(self)``."""
        if is_chinese(lang) and self.zh:
            return self.zh
        return str(self)


class FieldError(UserError):
    """An error about one field of the input. ``field`` names it (dotted for nested input).

    ``message`` is the English reason without the field; ``str()`` is ``"field: message"``.
    The Chinese reason is ``zh_message`` and the field's Chinese name ``zh_field`` (both
    optional). ``localized("zh…")`` is ``"{zh_field}：{zh_message}"`` — the field named in
    Chinese, never by its raw id — or only the reason when no Chinese name was given (the
    reason then names the field itself, if it must). ``localized_message(lang)`` is the
    reason alone, for a screen that shows it beside the field.
    """

    def __init__(
        self, field: str, message: str, *, zh: str | None = None, zh_field: str | None = None
    ) -> None:
        self.field = field
        self.message = message
        self.zh_message = zh
        self.zh_field = zh_field
        whole = None
        if zh:
            whole = f"{zh_field}：{zh}" if zh_field else zh
        super().__init__(f"{field}: {message}", zh=whole)

    def localized_message(self, lang: str) -> str:
        """The reason without the field, in ``lang`` (English when no Chinese was given)."""
        if is_chinese(lang) and self.zh_message:
            return self.zh_message
        return self.message


class ValidationError(FieldError):
    """A field of the input is wrong."""


class NotFound(FieldError):
    """A record named by the input does not exist."""


class DatabaseRefused(UserError):
    """The database file cannot be opened safely; it was left untouched. ``zh`` is the
    Chinese reason; ``localized`` puts the path before it, as ``str()`` does."""

    def __init__(self, path: str, reason: str, *, zh: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.zh_reason = zh
        super().__init__(f"{path}: {reason}", zh=f"{path}：{zh}" if zh else None)


class NotADatabase(DatabaseRefused):
    """The file is not an SQLite database."""


class DatabaseDamaged(DatabaseRefused):
    """The file is an SQLite database that fails its integrity check."""


class DatabaseTooNew(DatabaseRefused):
    """The database was written by a newer version of EthicsDesk."""


class ResourceMissing(UserError):
    """A file that ships with EthicsDesk is missing: the installation is broken."""

    def __init__(self, name: str, message: str, *, zh: str | None = None) -> None:
        self.name = name
        super().__init__(f"{name}: {message}", zh=f"{name}：{zh}" if zh else None)


class StorageError(UserError):
    """The database itself failed (the disk, the file system, the server, a lock held too
    long): the environment, not the input and not a bug. Nothing of the action was kept."""


class DatabaseBusy(StorageError):
    """Another program (or another EthicsDesk) held the database for longer than we wait."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "the database is busy: another program is writing to it; try again in a moment"
            + (f" ({detail})" if detail else ""),
            zh="数据库正忙：另一个程序正在写入，请稍后再试" + (f"（{detail}）" if detail else ""),
        )


class Cancelled(UserError):
    """The user cancelled a long piece of work; what it had written was rolled back."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was written", zh="已取消，未写入任何数据")
