"""The composition check that runs before any roster change is committed.

One user action, one session: evaluate the committee, apply the change, flush, evaluate
again, compare. Nothing newly failing: commit. Something newly failing: roll back and hand
the findings to the caller, who asks the secretary and, on "Save anyway", applies the change
again with ``force``. No session stays open while the secretary decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound
from app.rules.evaluate import Finding, RosterResult
from app.services.composition import check_composition, newly_failing

Change = Callable[[Session], object]


@dataclass(frozen=True)
class Breach:
    """Error findings that a change would newly fail on ``day``."""

    day: date
    findings: tuple[Finding, ...]


class CompositionGuard:
    """Applies roster changes of one committee, checking its composition first.

    ``as_of`` gives the date the secretary looks at (the composition panel's); a change
    may name more dates (``also_on``), such as the first day after a seat ends. The
    evaluation needs no language (the caller renders the findings); ``lang`` is accepted
    for the callers that still pass it and is not used.
    """

    def __init__(
        self,
        db: Database,
        committee_id: int,
        as_of: Callable[[], date],
        lang: Callable[[], str] = lambda: "en",
    ) -> None:
        self.db = db
        self.committee_id = committee_id
        self._as_of = as_of
        del lang  # findings are rendered by the caller, in its language

    def _evaluate(self, session: Session, days: list[date]) -> dict[date, RosterResult] | None:
        try:
            return {day: check_composition(session, self.committee_id, day) for day in days}
        except NotFound:  # no profile: there is nothing the change could break
            return None

    def attempt(self, change: Change, *, also_on: Iterable[date] = ()) -> list[Breach]:
        """Apply ``change`` and commit it unless it newly fails an error finding on one of
        the dates; then roll back and return what would fail. A ValidationError of the
        service propagates (nothing is written)."""
        days = sorted({self._as_of(), *also_on})
        with self.db.session_scope() as session:
            before = self._evaluate(session, days)
            change(session)
            session.flush()
            after = self._evaluate(session, days) if before is not None else None
            breaches = []
            if before is not None and after is not None:
                for day in days:
                    found = newly_failing(before[day], after[day])
                    if found:
                        breaches.append(Breach(day, tuple(found)))
            if breaches:
                session.rollback()
            return breaches

    def force(self, change: Change) -> None:
        """Apply ``change`` and commit it without the check (the secretary said so)."""
        with self.db.session_scope() as session:
            change(session)
