"""The operating-system user's own preferences: a small JSON file in the config dir
(``app.paths.preferences_file``), never in the shared database — the language one person
reads in is not the committee's record.

Each preference is declared once (``PREFERENCES``: key, type, default, name in both
languages). The file is read tolerantly: a missing, unreadable or malformed file, or a value
of the wrong kind, gives the defaults (and a warning in the log), never a failure to start.
It is written whole or not at all.

The language of the application — windows, command-line help and output — is, in order:
the ``--lang`` option, the preference, the system's locale (``resolve_language``).
"""

from __future__ import annotations

import json
import locale
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.vocabulary import UI_LANGUAGES, Term
from app.paths import preferences_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preference:
    key: str
    kind: type
    default: Any
    label: Term
    choices: tuple[str, ...] = ()


PREFERENCES: tuple[Preference, ...] = (
    Preference(
        "language",
        str,
        None,  # None: the system's language
        Term("language", "Language", "界面语言"),
        UI_LANGUAGES.codes,
    ),
)
_BY_KEY = {p.key: p for p in PREFERENCES}


def _path(path: Path | None) -> Path:
    return path if path is not None else preferences_file()


def load(path: Path | None = None) -> dict[str, Any]:
    """Every preference: the file's value where it is valid, else the default."""
    values = {p.key: p.default for p in PREFERENCES}
    file = _path(path)
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return values
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.warning("preferences in %s ignored: %s", file, exc)
        return values
    if not isinstance(stored, dict):
        log.warning("preferences in %s ignored: not a JSON object", file)
        return values
    for key, value in stored.items():
        preference = _BY_KEY.get(key)
        if preference is None:
            continue  # a preference of another version: kept on disk, not used
        if value is None or (
            isinstance(value, preference.kind)
            and (not preference.choices or value in preference.choices)
        ):
            values[key] = value
        else:
            log.warning("preference %s=%r in %s ignored", key, value, file)
    return values


def save(key: str, value: Any, path: Path | None = None) -> None:
    """Set one preference (None: back to the default), keeping the others."""
    preference = _BY_KEY[key]  # an unknown key is a bug
    if value is not None and (
        not isinstance(value, preference.kind)
        or (preference.choices and value not in preference.choices)
    ):
        raise ValueError(f"{value!r} is not a value of the preference {key}")
    file = _path(path)
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(stored, dict):
            stored = {}
    except (OSError, UnicodeDecodeError, ValueError):
        stored = {}
    if value is None:
        stored.pop(key, None)
    else:
        stored[key] = value
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".preferences.", dir=file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(stored, out, ensure_ascii=False, indent=2)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def system_language() -> str:
    """``zh_CN`` or ``en`` from the system's locale (the environment first, as POSIX does)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    system = locale.getlocale()[0] or ""
    return "zh_CN" if system.lower().startswith("zh") else "en"


def normalise_language(lang: str) -> str:
    """An option's or file's language as one of UI_LANGUAGES: ``zh``, ``zh-CN``, ``zh_CN``
    … are Chinese; anything else is English."""
    return "zh_CN" if lang.lower().replace("-", "_").startswith("zh") else "en"


def resolve_language(option: str | None = None, path: Path | None = None) -> str:
    """The application's language: ``option`` (``--lang``), else the user's preference,
    else the system's."""
    if option:
        return normalise_language(option)
    preferred = load(path).get("language")
    if preferred:
        return normalise_language(str(preferred))
    return system_language()
