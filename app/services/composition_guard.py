"""The policy "warn before a save leaves the committee non-compliant", as a service.

``guarded`` runs a roster change inside the caller's write transaction between two
composition checks on the days that matter (the day the secretary looks at, and the days
the change itself names, such as the day after a seat ends). When the change makes an error
finding fail that did not fail before, it raises ``CompositionBreach``: the caller's
transaction rolls back, so nothing is written, and the screen shows the findings as an
inline warning; "Save anyway" runs the same change again with ``force=True``. No
transaction stays open while the secretary decides.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from app.errors import NotFound, UserError
from app.rules.evaluate import Finding, RosterResult
from app.services.actors import Actor
from app.services.composition import check_composition, newly_failing

T = TypeVar("T")
Change = Callable[[Session, Actor], T]


@dataclass(frozen=True)
class Breach:
    """Error findings a change would newly fail on ``day``."""

    day: date
    findings: tuple[Finding, ...]


class CompositionBreach(UserError):
    """The change would leave the committee non-compliant; it was not written."""

    def __init__(self, breaches: tuple[Breach, ...]) -> None:
        self.breaches = breaches
        days = ", ".join(b.day.isoformat() for b in breaches)
        super().__init__(
            f"saving this leaves the committee non-compliant on {days}",
            zh=f"保存后委员会在 {days} 将不符合组成要求",
        )


def _check(session: Session, committee_id: int, days: list[date]) -> dict[date, RosterResult]:
    return {day: check_composition(session, committee_id, day) for day in days}


def guarded(
    session: Session,
    actor: Actor,
    change: Change[T],
    *,
    committee_id: int,
    on: Collection[date],
    force: bool = False,
) -> T:
    """Apply ``change(session, actor)`` (roster services) unless it newly fails an error
    finding of the committee on one of the days ``on``; then raise CompositionBreach (the
    caller's write scope rolls back). ``force``: the secretary saw the warning and saves
    anyway. A committee without a profile has no rules the change could break."""
    if force:
        return change(session, actor)
    days = sorted(set(on))
    try:
        before = _check(session, committee_id, days)
    except NotFound:  # no profile in force
        return change(session, actor)
    result = change(session, actor)
    session.flush()
    after = _check(session, committee_id, days)
    breaches = tuple(
        Breach(day, tuple(found))
        for day in days
        if (found := newly_failing(before[day], after[day]))
    )
    if breaches:
        raise CompositionBreach(breaches)
    return result
