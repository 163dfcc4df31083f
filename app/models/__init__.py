"""The domain model (SQLAlchemy 2 typed ORM). Constraints live here; logic that needs a
session lives in app/services."""

from app.models.audit import GENESIS_HASH, AuditEvent, AuditHead
from app.models.base import Base
from app.models.files import Attachment, Blob
from app.models.meetings import (
    AgendaItem,
    Attendance,
    AttendanceInterval,
    Ballot,
    Decision,
    Letter,
    Meeting,
    Recusal,
    VoteRound,
)
from app.models.organisation import (
    Committee,
    CommitteeProfile,
    CommitteeTerm,
    Institution,
    NumberCounter,
    NumberSeries,
    Setting,
)
from app.models.people import (
    ConsultantEngagement,
    Declaration,
    Membership,
    MembershipExpertise,
    MembershipRole,
    Person,
    Training,
    UserAccount,
)
from app.models.projects import (
    Complaint,
    Project,
    SiteVisit,
    StemCellDetail,
    Submission,
    SubmissionAnswer,
    SubmissionEvent,
)
from app.models.reviews import CriterionScore, ReviewAssignment, Worksheet

__all__ = [
    "GENESIS_HASH",
    "AgendaItem",
    "Attachment",
    "Attendance",
    "AttendanceInterval",
    "AuditEvent",
    "AuditHead",
    "Ballot",
    "Base",
    "Blob",
    "Committee",
    "CommitteeProfile",
    "CommitteeTerm",
    "Complaint",
    "ConsultantEngagement",
    "CriterionScore",
    "Decision",
    "Declaration",
    "Institution",
    "Letter",
    "Meeting",
    "Membership",
    "MembershipExpertise",
    "MembershipRole",
    "NumberCounter",
    "NumberSeries",
    "Person",
    "Project",
    "Recusal",
    "ReviewAssignment",
    "Setting",
    "SiteVisit",
    "StemCellDetail",
    "Submission",
    "SubmissionAnswer",
    "SubmissionEvent",
    "Training",
    "UserAccount",
    "VoteRound",
    "Worksheet",
]
