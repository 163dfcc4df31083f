"""Short texts the UI shows for core values: profile titles and names in the UI language."""

from __future__ import annotations

import logging

from app.errors import UserError
from app.rules.profiles import Profile, load_profile
from app.ui.i18n import current_language

log = logging.getLogger(__name__)


def _profile(profile_id: str) -> Profile | None:
    try:
        return load_profile(profile_id)
    except UserError as exc:  # no such file, or a broken one (which the rules report)
        log.debug("no profile %s: %s", profile_id, exc)
        return None


def profile_name(profile_id: str) -> str:
    """The profile file's short title (for menus and lists) in the UI language; an id with
    no readable file is shown as it is."""
    profile = _profile(profile_id)
    return profile.short_title.pick(current_language()) if profile else profile_id


def profile_title(profile_id: str) -> str:
    """The profile file's full title in the UI language; an id with no readable file is
    shown as it is."""
    profile = _profile(profile_id)
    return profile.title.pick(current_language()) if profile else profile_id


def display_name(name_zh: str, name_en: str, lang: str) -> str:
    """The name to show first: English in an English UI when there is one, else Chinese."""
    if lang == "en" and name_en:
        return name_en
    return name_zh


def other_name(name_zh: str, name_en: str, lang: str) -> str:
    """The name in the other language, or "" when there is none (or it is the same)."""
    first = display_name(name_zh, name_en, lang)
    second = name_zh if first == name_en else name_en
    return "" if second == first else second
