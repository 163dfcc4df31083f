"""Who holds a seat on a day, who counts, and how soon "soon" is — written once.

Term dates are inclusive (DESIGN.md section 5): a seat whose term ends, or whose membership
is ended, on day D is still held on D and no longer on D + 1. A membership ended on D is
history from D + 1 on. Composition, the roster page, the dashboard, the roster files and
quorum all ask these functions (in SQL through ``app.models.Membership``'s hybrids, which
call them for the Python side).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

# Roles whose holders count toward the committee's size and composition (N).
COUNTED_ROLES = ("chair", "vice_chair", "member")
# What runs out within this many days is "expiring": the dashboard's list and the roster's
# marks for terms, training and declarations.
EXPIRY_WINDOW_DAYS = 90


def run_out(last_day: date | None, day: date) -> bool:
    """Has something whose last day is ``last_day`` (a term, a training, a declaration)
    run out by ``day``? The last day is inclusive; no last day never runs out."""
    return last_day is not None and last_day < day


def window_end(day: date, window: int = EXPIRY_WINDOW_DAYS) -> date:
    """The last day of the expiry window that starts on ``day``."""
    return day + timedelta(days=window)


def expiry_state(last_day: date | None, day: date, window: int = EXPIRY_WINDOW_DAYS) -> str:
    """``expired`` (run out by ``day``), ``expiring`` (its last day within the window) or
    ``ok`` (later, or never)."""
    if last_day is None:
        return "ok"
    if run_out(last_day, day):
        return "expired"
    return "expiring" if last_day <= window_end(day, window) else "ok"


def seat_end(term_end: date | None, ended_on: date | None) -> date | None:
    """The last day of a seat: the earlier of the term's end and the day it was ended."""
    if term_end is None:
        return ended_on
    if ended_on is None:
        return term_end
    return min(term_end, ended_on)


def ended_before(ended_on: date | None, day: date) -> bool:
    """Was the membership ended before ``day`` (so that on ``day`` it is history)?"""
    return run_out(ended_on, day)


def over_before(term_end: date | None, ended_on: date | None, day: date) -> bool:
    """Did the seat's last day pass before ``day``? (A seat that starts later is not over.)"""
    return run_out(seat_end(term_end, ended_on), day)


def holds_seat(
    term_start: date | None, term_end: date | None, ended_on: date | None, day: date
) -> bool:
    """The seat predicate: held on ``day`` when its term covers the day and it was not
    ended before it. An open start (a roster file may omit it) covers every day."""
    return (term_start is None or term_start <= day) and not over_before(term_end, ended_on, day)


def counts(roles: Collection[str], voting: bool | None) -> bool:
    """Does a seat with these roles count toward N (when held)? A secretary who is also a
    member counts as that member; a non-voting seat does not."""
    return voting is not False and any(r in COUNTED_ROLES for r in roles)
