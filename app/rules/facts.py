"""Plain facts the rules are evaluated on: a roster on a date, and a meeting's attendance,
recusals and ballots. No ORM: the services build these from the database, the ``check``
command from a JSON file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain import seats
from app.domain.vocabulary import GROUP_MEMBERS, SCIENTIFIC_EXPERTISE


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    gender: str
    role: str
    expertise: tuple[str, ...]
    affiliated: bool
    minority: bool = False
    term_start: date | None = None
    term_end: date | None = None
    scientist: bool | None = None
    voting: bool | None = None
    alternate_for: str | None = None
    profession: str = ""
    employer: str = ""
    degrees: str = ""

    @property
    def is_scientist(self) -> bool:
        if self.scientist is not None:
            return self.scientist
        return any(e in SCIENTIFIC_EXPERTISE for e in self.expertise)

    @property
    def is_lay(self) -> bool:
        """A lay person who is not affiliated with the institution."""
        return "lay" in self.expertise and not self.affiliated

    def has(self, category: str) -> bool:
        wanted = GROUP_MEMBERS.get(category, (category,))
        return any(e in wanted for e in self.expertise)

    def term_covers(self, day: date) -> bool:
        """Holds the seat on ``day`` (the one seat predicate; a fact's ``term_end`` is the
        seat's last day already)."""
        return seats.holds_seat(self.term_start, self.term_end, None, day)

    def counted_on(self, day: date) -> bool:
        """Counts toward composition and N: chair, vice-chair or member, in term, voting."""
        return seats.counts((self.role,), self.voting) and self.term_covers(day)


@dataclass(frozen=True)
class Roster:
    profile: str
    as_of: date
    members: tuple[Member, ...]
    minority_region: bool = False
    sop: Mapping[str, Any] = field(default_factory=dict)

    def counted(self) -> list[Member]:
        return [m for m in self.members if m.counted_on(self.as_of)]

    def by_id(self) -> dict[str, Member]:
        return {m.id: m for m in self.members}


@dataclass(frozen=True)
class Item:
    id: str
    kind: str = "review"
    recused: tuple[str, ...] = ()
    attendance: Mapping[str, str] = field(default_factory=dict)
    votes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Meeting:
    roster: Roster
    attendance: Mapping[str, str]
    items: tuple[Item, ...]
