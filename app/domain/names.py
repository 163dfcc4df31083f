"""How names sort: Chinese names by their pinyin, as a Chinese reader expects a list of
people (陈 chen before 郭 guo before 朱 zhu), not by code point.

``sort_key`` is computed when a name is written and stored beside it (``Person.name_sort``),
so that the database sorts and pages by it. Pinyin comes from pypinyin, read without its
phrase dictionary (a tenth of the start-up cost; names are not phrases); the surname, whose
reading the dictionary of single characters often gets wrong (曾 is zeng, not ceng), is
read from a small table of the surnames with a reading of their own.
"""

from __future__ import annotations

import os
import unicodedata
from functools import cache
from typing import Any

# Surnames read differently from the character's first reading in the dictionary.
SURNAME_READINGS = {
    "曾": "zeng1",
    "单": "shan4",
    "解": "xie4",
    "仇": "qiu2",
    "朴": "piao2",
    "查": "zha1",
    "区": "ou1",
    "乐": "yue4",
    "覃": "qin2",
    "翟": "zhai2",
    "盖": "ge3",
    "缪": "miao4",
    "种": "chong2",
    "召": "shao4",
    "员": "yun4",
    "那": "na1",
    "蕃": "pi2",
    "华": "hua4",
    "任": "ren2",
    "柏": "bai3",
    "秘": "bi4",
    "黑": "he4",
    "沈": "shen3",
    "长孙": "zhang3 sun1",
    "尉迟": "yu4 chi2",
    "万俟": "mo4 qi2",
}


@cache
def _pinyin() -> Any:
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "true")
    from pypinyin import Style, lazy_pinyin

    def convert(text: str) -> list[str]:
        return list(lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True))

    return convert


def _is_han(char: str) -> bool:
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(char, "")


def sort_key(name: str) -> str:
    """The key a name sorts by: pinyin with tone numbers, syllables apart (陈静 →
    ``chen2 jing4``), other text case-folded as it is; then ``\\x01`` (below every printable
    character; PostgreSQL refuses NUL in text) and the name itself, which keeps names that
    read alike apart and in a stable order."""
    text = unicodedata.normalize("NFC", name).strip()
    surname = next(
        (s for s in sorted(SURNAME_READINGS, key=len, reverse=True) if text.startswith(s)),
        "",
    )
    parts = [SURNAME_READINGS[surname]] if surname else []
    rest = text[len(surname) :]
    if any(_is_han(c) for c in rest):
        parts.extend(piece.strip() for piece in _pinyin()(rest) if piece.strip())
    elif rest:
        parts.append(rest)
    return " ".join(parts).casefold() + "\x01" + text
