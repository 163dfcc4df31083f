"""Structural vocabularies: the closed sets the schema enforces with CHECK constraints.

Vocabularies a regulatory profile defines (decision codes, approval criteria) are not here:
services validate them against the committee's profile.
"""

from __future__ import annotations

GENDERS = ("female", "male", "other")
ROLES = ("chair", "vice_chair", "member", "alternate", "secretary")
# The order in which a membership with several roles is written with one role (DESIGN.md 5).
ROLE_PRECEDENCE = ("chair", "vice_chair", "member", "alternate", "secretary")
EXPERTISE = (
    "medicine",
    "life_science",
    "pharmacy",
    "nursing",
    "statistics",
    "bioethics",
    "law",
    "sociology",
    "lay",
    "other",
)
SCIENTIFIC_EXPERTISE = ("medicine", "life_science", "pharmacy", "nursing", "statistics")
NUMBER_SERIES_KINDS = ("acceptance", "letter")
DECLARATION_KINDS = ("confidentiality", "conflict_of_interest")
DECLARATION_SCOPES = ("standing", "meeting", "project")
PROJECT_TYPES = (
    "drug_trial",
    "device_trial",
    "stem_cell",
    "investigator_initiated",
    "observational",
    "biobank",
    "other",
)
RISK_LEVELS = ("minimal", "low", "moderate", "high")
MULTICENTRE_ROLES = ("single_site", "lead", "participating")
PROJECT_STATUSES = (
    "not_started",
    "ongoing",
    "suspended",
    "terminated",
    "closed",
    "approval_expired",
)
SUBMISSION_KINDS = (
    "initial",
    "amendment",
    "continuing",
    "sae",
    "deviation",
    "suspension",
    "termination",
    "closure",
    "re_review",
    "appeal",
)
# Submission kinds that answer a prior decision and must name it.
ANSWERING_KINDS = ("re_review", "appeal")
REVIEW_PATHS = ("full_board", "expedited", "exempt")
SUBMISSION_STATUSES = (
    "received",
    "returned",
    "accepted",
    "under_review",
    "decided",
    "withdrawn",
)
SUBMISSION_EVENT_KINDS = (
    "received",
    "returned_for_completion",
    "resubmitted",
    "accepted",
    "withdrawn",
    "note",
)
ATTACHMENT_OWNERS = (
    "institution",
    "committee",
    "committee_term",
    "person",
    "membership",
    "consultant_engagement",
    "training",
    "declaration",
    "project",
    "submission",
    "meeting",
    "agenda_item",
    "decision",
    "letter",
    "site_visit",
    "complaint",
)
ASSIGNMENT_ROLES = ("primary", "secondary")
WORKSHEET_STATUSES = ("draft", "submitted")
MEETING_STATUSES = ("planned", "agenda_closed", "in_session", "adjourned", "minutes_approved")
AGENDA_ITEM_KINDS = ("review", "report")
ATTENDANCE_STATUSES = ("present", "remote", "absent", "excused")
LETTER_STATUSES = ("draft", "approved", "issued")
USER_ROLES = ("admin", "secretary", "chair", "member", "viewer")
LANGUAGES = ("zh_CN", "en", "bilingual")
