"""The committee page (the secretary's first screen): roster, composition check, training,
declarations and consultants."""

from app.ui.committee.page import CommitteeRosterPage

__all__ = ["CommitteeRosterPage"]
