"""The rules a seat on a committee follows, written once: the term's order, who an alternate
sits for, who votes.

The roster services apply them to what is written to the database, and the roster file
parser (``check``) to what a file says; the import preview gets them by running the
services. Each rule raises ``ValidationError`` naming the field (``field_id``: the caller's
name for it), with the reason in English and Chinese.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from app.domain.vocabulary import field_name
from app.errors import ValidationError


def refusal(field_id: str, message: str, zh: str) -> ValidationError:
    """A ValidationError of ``field_id`` whose Chinese text names the field in Chinese."""
    return ValidationError(field_id, message, zh=zh, zh_field=field_name(field_id, "zh"))


def check_term(
    start: date | None,
    end: date | None,
    *,
    end_field: str = "term_end",
    start_field: str = "term_start",
) -> None:
    """A term does not end before it starts (a term of one day ends on its first day)."""
    if start is not None and end is not None and end < start:
        raise refusal(
            end_field,
            f"is before {start_field} ({end} < {start})",
            f"不能早于{field_name(start_field, 'zh')}（{end} < {start}）",
        )


def check_alternate(
    roles: Collection[str], sits_for: object | None, *, field_id: str = "alternate_for_id"
) -> None:
    """An alternate names the member it sits for, and nobody else names one."""
    if "alternate" in roles and sits_for is None:
        raise refusal(
            field_id,
            "an alternate must name the member it sits for",
            "候补委员必须指明其候补的委员",
        )
    if "alternate" not in roles and sits_for is not None:
        raise refusal(
            field_id, "only an alternate sits for another member", "只有候补委员才能候补其他委员"
        )


def check_seat_for(
    seat_roles: Collection[str], *, same_seat: bool, field_id: str = "alternate_for_id"
) -> None:
    """The seat an alternate sits for is another's, and a member's, not an alternate's."""
    if same_seat:
        raise refusal(field_id, "a member cannot be its own alternate", "委员不能做自己的候补")
    if "alternate" in seat_roles:
        raise refusal(
            field_id,
            "names another alternate, not a member",
            "所指的是另一名候补委员，而不是正式委员",
        )


def check_voting(roles: Collection[str], voting: bool | None, *, field_id: str = "voting") -> None:
    """Only a member votes: a secretary who is not also a member, or a consultant, does not
    (a roster file writes a voting secretary as a member)."""
    if not voting:
        return
    if set(roles) <= {"secretary", "consultant"} and roles:
        if "consultant" in roles:
            raise refusal(field_id, "a consultant does not vote", "独立顾问没有表决权")
        raise refusal(
            field_id,
            "a secretary who is not also a member does not vote",
            "不兼任委员的秘书没有表决权",
        )
