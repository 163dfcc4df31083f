"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 01:44:39.732967
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "length(hash) = 64 AND length(prev_hash) = 64", name=op.f("ck_audit_event_hash_length")
        ),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_audit_event_seq_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_event_seq")),
    )
    audit_head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("count >= 0", name=op.f("ck_audit_head_count_not_negative")),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_head_single_row")),
        sa.CheckConstraint("length(hash) = 64", name=op.f("ck_audit_head_hash_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    # The one head row exists from the start, so that appending can always lock it.
    op.bulk_insert(audit_head, [{"id": 1, "count": 0, "hash": "0" * 64}])
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_blob_sha256_length")),
        sa.CheckConstraint("size = length(data)", name=op.f("ck_blob_size_matches_data")),
        sa.CheckConstraint("size >= 0", name=op.f("ck_blob_size_not_negative")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob")),
    )
    op.create_table(
        "institution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.CheckConstraint("length(name_zh) > 0", name=op.f("ck_institution_name_zh_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institution")),
        sa.UniqueConstraint("name_zh", name=op.f("uq_institution_name_zh")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("ethnicity", sa.String(length=50), nullable=False),
        sa.Column("minority", sa.Boolean(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("degrees", sa.String(length=100), nullable=False),
        sa.Column("profession", sa.String(length=100), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("consent_publish", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "gender IN ('female', 'male', 'other')", name=op.f("ck_person_gender_valid")
        ),
        sa.CheckConstraint("length(name_zh) > 0", name=op.f("ck_person_name_zh_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_type", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("document_type", sa.String(length=60), nullable=False),
        sa.Column("version_label", sa.String(length=60), nullable=False),
        sa.Column("version_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "owner_type IN ('institution', 'committee', 'committee_term', 'person', 'membership', 'consultant_engagement', 'training', 'declaration', 'project', 'submission', 'meeting', 'agenda_item', 'decision', 'letter', 'site_visit', 'complaint')",
            name=op.f("ck_attachment_owner_type_valid"),
        ),
        sa.CheckConstraint("length(filename) > 0", name=op.f("ck_attachment_filename_not_empty")),
        sa.ForeignKeyConstraint(
            ["blob_sha256"], ["blob.sha256"], name=op.f("fk_attachment_blob_sha256_blob")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_blob_sha256"), ["blob_sha256"], unique=False
        )
        batch_op.create_index("ix_attachment_owner", ["owner_type", "owner_id"], unique=False)

    op.create_table(
        "committee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("filing_number", sa.String(length=100), nullable=False),
        sa.Column("filing_authority", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.CheckConstraint("length(name_zh) > 0", name=op.f("ck_committee_name_zh_not_empty")),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institution.id"],
            name=op.f("fk_committee_institution_id_institution"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee")),
        sa.UniqueConstraint(
            "institution_id", "name_zh", name=op.f("uq_committee_institution_id_name_zh")
        ),
    )
    with op.batch_alter_table("committee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_institution_id"), ["institution_id"], unique=False
        )

    op.create_table(
        "training",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("course", sa.String(length=200), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=1), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "expires_on IS NULL OR taken_on IS NULL OR expires_on >= taken_on",
            name=op.f("ck_training_expires_on_not_before_taken_on"),
        ),
        sa.CheckConstraint("hours >= 0", name=op.f("ck_training_hours_not_negative")),
        sa.CheckConstraint("length(course) > 0", name=op.f("ck_training_course_not_empty")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_training_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training")),
    )
    with op.batch_alter_table("training", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_person_id"), ["person_id"], unique=False)

    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("pin_hash", sa.String(length=300), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'secretary', 'chair', 'member', 'viewer')",
            name=op.f("ck_user_account_role_valid"),
        ),
        sa.CheckConstraint("length(username) > 0", name=op.f("ck_user_account_username_not_empty")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_user_account_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "committee_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("profile_id", sa.String(length=40), nullable=False),
        sa.Column("sop_overrides", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committee.id"],
            name=op.f("fk_committee_profile_committee_id_committee"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_profile")),
        sa.UniqueConstraint(
            "committee_id",
            "effective_from",
            name=op.f("uq_committee_profile_committee_id_effective_from"),
        ),
    )
    with op.batch_alter_table("committee_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_profile_committee_id"), ["committee_id"], unique=False
        )

    op.create_table(
        "committee_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("appointment_document", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_committee_term_end_date_not_before_start_date"),
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_committee_term_number_positive")),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committee.id"],
            name=op.f("fk_committee_term_committee_id_committee"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_term")),
        sa.UniqueConstraint(
            "committee_id", "number", name=op.f("uq_committee_term_committee_id_number")
        ),
    )
    with op.batch_alter_table("committee_term", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_term_committee_id"), ["committee_id"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('planned', 'agenda_closed', 'in_session', 'adjourned', 'minutes_approved')",
            name=op.f("ck_meeting_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_meeting_committee_id_committee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("committee_id", "number", name=op.f("uq_meeting_committee_id_number")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_committee_id"), ["committee_id"], unique=False)

    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("affiliated", sa.Boolean(), nullable=False),
        sa.Column("voting", sa.Boolean(), nullable=False),
        sa.Column("scientist", sa.Boolean(), nullable=True),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("alternate_for_id", sa.Integer(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "alternate_for_id IS NULL OR alternate_for_id <> id",
            name=op.f("ck_membership_not_own_alternate"),
        ),
        sa.CheckConstraint(
            "ended_on IS NULL OR term_start IS NULL OR ended_on >= term_start",
            name=op.f("ck_membership_ended_on_not_before_term_start"),
        ),
        sa.CheckConstraint(
            "term_end IS NULL OR term_start IS NULL OR term_end >= term_start",
            name=op.f("ck_membership_term_end_not_before_term_start"),
        ),
        sa.ForeignKeyConstraint(
            ["alternate_for_id"],
            ["membership.id"],
            name=op.f("fk_membership_alternate_for_id_membership"),
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_membership_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_membership_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_committee_id"), ["committee_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=False)

    op.create_table(
        "number_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("pattern", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "kind IN ('acceptance', 'letter')", name=op.f("ck_number_series_kind_valid")
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_number_series_committee_id_committee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_series")),
        sa.UniqueConstraint(
            "committee_id", "kind", name=op.f("uq_number_series_committee_id_kind")
        ),
    )
    with op.batch_alter_table("number_series", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_number_series_committee_id"), ["committee_id"], unique=False
        )

    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("title_zh", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("protocol_code", sa.String(length=100), nullable=False),
        sa.Column("principal_investigator", sa.String(length=100), nullable=False),
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("sponsor", sa.String(length=200), nullable=False),
        sa.Column("project_type", sa.String(length=30), nullable=False),
        sa.Column("risk_level", sa.String(length=20), nullable=False),
        sa.Column("multicentre_role", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("approval_from", sa.Date(), nullable=True),
        sa.Column("approval_until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "multicentre_role IN ('single_site', 'lead', 'participating')",
            name=op.f("ck_project_multicentre_role_valid"),
        ),
        sa.CheckConstraint(
            "project_type IN ('drug_trial', 'device_trial', 'stem_cell', 'investigator_initiated', 'observational', 'biobank', 'other')",
            name=op.f("ck_project_project_type_valid"),
        ),
        sa.CheckConstraint(
            "risk_level IN ('minimal', 'low', 'moderate', 'high')",
            name=op.f("ck_project_risk_level_valid"),
        ),
        sa.CheckConstraint(
            "status IN ('not_started', 'ongoing', 'suspended', 'terminated', 'closed', 'approval_expired')",
            name=op.f("ck_project_status_valid"),
        ),
        sa.CheckConstraint(
            "approval_until IS NULL OR approval_from IS NULL OR approval_until >= approval_from",
            name=op.f("ck_project_approval_until_not_before_approval_from"),
        ),
        sa.CheckConstraint("length(title_zh) > 0", name=op.f("ck_project_title_zh_not_empty")),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_project_committee_id_committee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("id", "committee_id", name=op.f("uq_project_id_committee_id")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_committee_id"), ["committee_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('present', 'remote', 'absent', 'excused')",
            name=op.f("ck_attendance_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_attendance_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_attendance_membership_id_membership"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "membership_id", name=op.f("uq_attendance_meeting_id_membership_id")
        ),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attendance_membership_id"), ["membership_id"], unique=False
        )

    op.create_table(
        "complaint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("complainant", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("handling", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "closed_on IS NULL OR received_on IS NULL OR closed_on >= received_on",
            name=op.f("ck_complaint_closed_on_not_before_received_on"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_complaint_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_project_id"), ["project_id"], unique=False)

    op.create_table(
        "declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("interests", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "(scope = 'standing' AND meeting_id IS NULL AND project_id IS NULL) OR (scope = 'meeting' AND meeting_id IS NOT NULL AND project_id IS NULL) OR (scope = 'project' AND project_id IS NOT NULL AND meeting_id IS NULL)",
            name=op.f("ck_declaration_scope_target"),
        ),
        sa.CheckConstraint(
            "kind IN ('confidentiality', 'conflict_of_interest')",
            name=op.f("ck_declaration_kind_valid"),
        ),
        sa.CheckConstraint(
            "scope IN ('standing', 'meeting', 'project')", name=op.f("ck_declaration_scope_valid")
        ),
        sa.CheckConstraint(
            "valid_until IS NULL OR signed_on IS NULL OR valid_until >= signed_on",
            name=op.f("ck_declaration_valid_until_not_before_signed_on"),
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_declaration_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_declaration_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_declaration_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_declaration_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration")),
    )
    with op.batch_alter_table("declaration", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_declaration_committee_id"), ["committee_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_declaration_person_id"), ["person_id"], unique=False)

    op.create_table(
        "membership_expertise",
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "category IN ('medicine', 'life_science', 'pharmacy', 'nursing', 'statistics', 'bioethics', 'law', 'sociology', 'lay', 'other')",
            name=op.f("ck_membership_expertise_category_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_membership_expertise_membership_id_membership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("membership_id", "category", name=op.f("pk_membership_expertise")),
    )
    op.create_table(
        "membership_role",
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "role IN ('chair', 'vice_chair', 'member', 'alternate', 'secretary')",
            name=op.f("ck_membership_role_role_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_membership_role_membership_id_membership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("membership_id", "role", name=op.f("pk_membership_role")),
    )
    op.create_table(
        "number_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "last_value >= 0", name=op.f("ck_number_counter_last_value_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["number_series.id"],
            name=op.f("fk_number_counter_series_id_number_series"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_counter")),
        sa.UniqueConstraint("series_id", "year", name=op.f("uq_number_counter_series_id_year")),
    )
    with op.batch_alter_table("number_counter", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_number_counter_series_id"), ["series_id"], unique=False
        )

    op.create_table(
        "site_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("visitors", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("follow_up_due", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "follow_up_due IS NULL OR visited_on IS NULL OR follow_up_due >= visited_on",
            name=op.f("ck_site_visit_follow_up_due_not_before_visited_on"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_site_visit_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_visit")),
    )
    with op.batch_alter_table("site_visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_visit_project_id"), ["project_id"], unique=False)

    op.create_table(
        "stem_cell_detail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("cell_type", sa.String(length=200), nullable=False),
        sa.Column("cell_source", sa.String(length=200), nullable=False),
        sa.Column("embryonic", sa.Boolean(), nullable=False),
        sa.Column("within_14_days", sa.Boolean(), nullable=True),
        sa.Column("no_reproductive_implantation", sa.Boolean(), nullable=True),
        sa.Column("no_species_mixing", sa.Boolean(), nullable=True),
        sa.Column("no_trade", sa.Boolean(), nullable=True),
        sa.Column("donor_consent", sa.Boolean(), nullable=True),
        sa.Column("institution_filing_number", sa.String(length=100), nullable=False),
        sa.Column("project_filing_number", sa.String(length=100), nullable=False),
        sa.Column("academic_committee_approved_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_stem_cell_detail_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stem_cell_detail")),
        sa.UniqueConstraint("project_id", name=op.f("uq_stem_cell_detail_project_id")),
    )
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("acceptance_number", sa.String(length=60), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("review_path", sa.String(length=20), nullable=True),
        sa.Column("exempt_basis", sa.Text(), nullable=False),
        sa.Column("fee_receipt", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('initial', 'amendment', 'continuing', 'sae', 'deviation', 'suspension', 'termination', 'closure', 're_review', 'appeal')",
            name=op.f("ck_submission_kind_valid"),
        ),
        sa.CheckConstraint(
            "review_path IN ('full_board', 'expedited', 'exempt')",
            name=op.f("ck_submission_review_path_valid"),
        ),
        sa.CheckConstraint(
            "review_path IS NULL OR review_path <> 'exempt' OR length(exempt_basis) > 0",
            name=op.f("ck_submission_exempt_needs_basis"),
        ),
        sa.CheckConstraint(
            "status IN ('received', 'returned', 'accepted', 'under_review', 'decided', 'withdrawn')",
            name=op.f("ck_submission_status_valid"),
        ),
        sa.CheckConstraint(
            "accepted_on IS NULL OR received_on IS NULL OR accepted_on >= received_on",
            name=op.f("ck_submission_accepted_on_not_before_received_on"),
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_submission_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["project_id", "committee_id"],
            ["project.id", "project.committee_id"],
            name="fk_submission_project_committee",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint(
            "committee_id",
            "acceptance_number",
            name=op.f("uq_submission_committee_id_acceptance_number"),
        ),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submission_committee_id"), ["committee_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_submission_project_id"), ["project_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "kind = 'report' OR submission_id IS NOT NULL",
            name=op.f("ck_agenda_item_review_has_submission"),
        ),
        sa.CheckConstraint("kind IN ('review', 'report')", name=op.f("ck_agenda_item_kind_valid")),
        sa.CheckConstraint(
            "ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at",
            name=op.f("ck_agenda_item_ended_at_not_before_started_at"),
        ),
        sa.CheckConstraint("position >= 1", name=op.f("ck_agenda_item_position_positive")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_agenda_item_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_agenda_item_submission_id_submission"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint(
            "meeting_id", "position", name=op.f("uq_agenda_item_meeting_id_position")
        ),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agenda_item_submission_id"), ["submission_id"], unique=False
        )

    op.create_table(
        "attendance_interval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attendance_id", sa.Integer(), nullable=False),
        sa.Column("arrived_at", sa.DateTime(), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "left_at IS NULL OR arrived_at IS NULL OR left_at >= arrived_at",
            name=op.f("ck_attendance_interval_left_at_not_before_arrived_at"),
        ),
        sa.ForeignKeyConstraint(
            ["attendance_id"],
            ["attendance.id"],
            name=op.f("fk_attendance_interval_attendance_id_attendance"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_interval")),
    )
    with op.batch_alter_table("attendance_interval", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendance_interval_attendance_id"), ["attendance_id"], unique=False
        )

    op.create_table(
        "consultant_engagement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("expertise", sa.String(length=20), nullable=False),
        sa.Column("coi_declared_on", sa.Date(), nullable=True),
        sa.Column("confidentiality_signed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "expertise IN ('medicine', 'life_science', 'pharmacy', 'nursing', 'statistics', 'bioethics', 'law', 'sociology', 'lay', 'other')",
            name=op.f("ck_consultant_engagement_expertise_valid"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_consultant_engagement_end_date_not_before_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committee.id"],
            name=op.f("fk_consultant_engagement_committee_id_committee"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_consultant_engagement_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_consultant_engagement_project_id_project")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_consultant_engagement_submission_id_submission"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultant_engagement")),
    )
    with op.batch_alter_table("consultant_engagement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultant_engagement_committee_id"), ["committee_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultant_engagement_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "review_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("assigned_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "role IN ('primary', 'secondary')", name=op.f("ck_review_assignment_role_valid")
        ),
        sa.CheckConstraint(
            "due_on IS NULL OR assigned_on IS NULL OR due_on >= assigned_on",
            name=op.f("ck_review_assignment_due_on_not_before_assigned_on"),
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_review_assignment_membership_id_membership"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_review_assignment_submission_id_submission"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_assignment")),
        sa.UniqueConstraint(
            "submission_id",
            "membership_id",
            name=op.f("uq_review_assignment_submission_id_membership_id"),
        ),
    )
    with op.batch_alter_table("review_assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_assignment_membership_id"), ["membership_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_assignment_submission_id"), ["submission_id"], unique=False
        )

    op.create_table(
        "submission_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind <> 'returned_for_completion' OR deadline IS NOT NULL",
            name=op.f("ck_submission_event_return_needs_deadline"),
        ),
        sa.CheckConstraint(
            "kind IN ('received', 'returned_for_completion', 'resubmitted', 'accepted', 'withdrawn', 'note')",
            name=op.f("ck_submission_event_kind_valid"),
        ),
        sa.CheckConstraint(
            "deadline IS NULL OR occurred_on IS NULL OR deadline >= occurred_on",
            name=op.f("ck_submission_event_deadline_not_before_occurred_on"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_submission_event_submission_id_submission"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission_event")),
    )
    with op.batch_alter_table("submission_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submission_event_submission_id"), ["submission_id"], unique=False
        )

    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("modifications", sa.Text(), nullable=False),
        sa.Column("dissent", sa.Text(), nullable=False),
        sa.Column("approval_from", sa.Date(), nullable=True),
        sa.Column("approval_until", sa.Date(), nullable=True),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        sa.Column("tally", sa.JSON(), nullable=False),
        sa.Column("profile_id", sa.String(length=40), nullable=False),
        sa.Column("profile_snapshot", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "approval_until IS NULL OR approval_from IS NULL OR approval_until >= approval_from",
            name=op.f("ck_decision_approval_until_not_before_approval_from"),
        ),
        sa.CheckConstraint(
            "next_review_on IS NULL OR decided_on IS NULL OR next_review_on >= decided_on",
            name=op.f("ck_decision_next_review_on_not_before_decided_on"),
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_decision_agenda_item_id_agenda_item"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submission.id"], name=op.f("fk_decision_submission_id_submission")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_decision_agenda_item_id")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_submission_id"), ["submission_id"], unique=False
        )

    op.create_table(
        "recusal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint("length(reason) > 0", name=op.f("ck_recusal_reason_not_empty")),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_recusal_agenda_item_id_agenda_item"),
        ),
        sa.ForeignKeyConstraint(
            ["membership_id"], ["membership.id"], name=op.f("fk_recusal_membership_id_membership")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recusal")),
        sa.UniqueConstraint(
            "agenda_item_id", "membership_id", name=op.f("uq_recusal_agenda_item_id_membership_id")
        ),
    )
    with op.batch_alter_table("recusal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recusal_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recusal_membership_id"), ["membership_id"], unique=False
        )

    op.create_table(
        "vote_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("secret", sa.Boolean(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "closed_at IS NULL OR opened_at IS NULL OR closed_at >= opened_at",
            name=op.f("ck_vote_round_closed_at_not_before_opened_at"),
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_vote_round_number_positive")),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_vote_round_agenda_item_id_agenda_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_round")),
        sa.UniqueConstraint(
            "agenda_item_id", "number", name=op.f("uq_vote_round_agenda_item_id_number")
        ),
    )
    with op.batch_alter_table("vote_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vote_round_agenda_item_id"), ["agenda_item_id"], unique=False
        )

    op.create_table(
        "worksheet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("recommendation", sa.String(length=40), nullable=True),
        sa.Column("comments", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "(status = 'submitted') = (submitted_at IS NOT NULL)",
            name=op.f("ck_worksheet_submitted_has_time"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted')", name=op.f("ck_worksheet_status_valid")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_worksheet_version_positive")),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["review_assignment.id"],
            name=op.f("fk_worksheet_assignment_id_review_assignment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worksheet")),
        sa.UniqueConstraint(
            "assignment_id", "version", name=op.f("uq_worksheet_assignment_id_version")
        ),
    )
    with op.batch_alter_table("worksheet", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_worksheet_assignment_id"), ["assignment_id"], unique=False
        )

    op.create_table(
        "ballot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("seat_membership_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=40), nullable=False),
        sa.Column("cast_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["membership_id"], ["membership.id"], name=op.f("fk_ballot_membership_id_membership")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["vote_round.id"], name=op.f("fk_ballot_round_id_vote_round")
        ),
        sa.ForeignKeyConstraint(
            ["seat_membership_id"],
            ["membership.id"],
            name=op.f("fk_ballot_seat_membership_id_membership"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot")),
        sa.UniqueConstraint(
            "round_id", "membership_id", name=op.f("uq_ballot_round_id_membership_id")
        ),
        sa.UniqueConstraint(
            "round_id", "seat_membership_id", name=op.f("uq_ballot_round_id_seat_membership_id")
        ),
    )
    with op.batch_alter_table("ballot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ballot_round_id"), ["round_id"], unique=False)

    op.create_table(
        "criterion_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worksheet_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.String(length=60), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("answer", sa.String(length=5), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "answer IN ('yes', 'no', 'na')", name=op.f("ck_criterion_score_answer_valid")
        ),
        sa.CheckConstraint(
            "score IS NULL OR (score >= 1 AND score <= 5)",
            name=op.f("ck_criterion_score_score_range"),
        ),
        sa.CheckConstraint(
            "score IS NULL OR answer IS NULL", name=op.f("ck_criterion_score_score_or_answer")
        ),
        sa.ForeignKeyConstraint(
            ["worksheet_id"],
            ["worksheet.id"],
            name=op.f("fk_criterion_score_worksheet_id_worksheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion_score")),
        sa.UniqueConstraint(
            "worksheet_id",
            "criterion_id",
            name=op.f("uq_criterion_score_worksheet_id_criterion_id"),
        ),
    )
    with op.batch_alter_table("criterion_score", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_criterion_score_worksheet_id"), ["worksheet_id"], unique=False
        )

    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("letter_number", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("blob_sha256", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "language IN ('zh_CN', 'en', 'bilingual')", name=op.f("ck_letter_language_valid")
        ),
        sa.CheckConstraint(
            "status <> 'issued' OR issued_on IS NOT NULL", name=op.f("ck_letter_issued_has_date")
        ),
        sa.CheckConstraint(
            "status = 'draft' OR letter_number IS NOT NULL",
            name=op.f("ck_letter_numbered_unless_draft"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'approved', 'issued')", name=op.f("ck_letter_status_valid")
        ),
        sa.ForeignKeyConstraint(
            ["blob_sha256"], ["blob.sha256"], name=op.f("fk_letter_blob_sha256_blob")
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_letter_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_letter_decision_id_decision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
        sa.UniqueConstraint(
            "committee_id", "letter_number", name=op.f("uq_letter_committee_id_letter_number")
        ),
    )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letter_committee_id"), ["committee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_letter_decision_id"), ["decision_id"], unique=False)

    op.create_table(
        "submission_answer",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_submission_answer_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_submission_answer_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", "decision_id", name=op.f("pk_submission_answer")),
    )


def downgrade() -> None:

    op.drop_table("submission_answer")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_decision_id"))
        batch_op.drop_index(batch_op.f("ix_letter_committee_id"))

    op.drop_table("letter")
    with op.batch_alter_table("criterion_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_score_worksheet_id"))

    op.drop_table("criterion_score")
    with op.batch_alter_table("ballot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ballot_round_id"))

    op.drop_table("ballot")
    with op.batch_alter_table("worksheet", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worksheet_assignment_id"))

    op.drop_table("worksheet")
    with op.batch_alter_table("vote_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_round_agenda_item_id"))

    op.drop_table("vote_round")
    with op.batch_alter_table("recusal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recusal_membership_id"))
        batch_op.drop_index(batch_op.f("ix_recusal_agenda_item_id"))

    op.drop_table("recusal")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_submission_id"))

    op.drop_table("decision")
    with op.batch_alter_table("submission_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_event_submission_id"))

    op.drop_table("submission_event")
    with op.batch_alter_table("review_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_assignment_submission_id"))
        batch_op.drop_index(batch_op.f("ix_review_assignment_membership_id"))

    op.drop_table("review_assignment")
    with op.batch_alter_table("consultant_engagement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultant_engagement_person_id"))
        batch_op.drop_index(batch_op.f("ix_consultant_engagement_committee_id"))

    op.drop_table("consultant_engagement")
    with op.batch_alter_table("attendance_interval", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_interval_attendance_id"))

    op.drop_table("attendance_interval")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_submission_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_project_id"))
        batch_op.drop_index(batch_op.f("ix_submission_committee_id"))

    op.drop_table("submission")
    op.drop_table("stem_cell_detail")
    with op.batch_alter_table("site_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_visit_project_id"))

    op.drop_table("site_visit")
    with op.batch_alter_table("number_counter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_number_counter_series_id"))

    op.drop_table("number_counter")
    op.drop_table("membership_role")
    op.drop_table("membership_expertise")
    with op.batch_alter_table("declaration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_declaration_person_id"))
        batch_op.drop_index(batch_op.f("ix_declaration_committee_id"))

    op.drop_table("declaration")
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_project_id"))

    op.drop_table("complaint")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_membership_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_meeting_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_committee_id"))

    op.drop_table("project")
    with op.batch_alter_table("number_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_number_series_committee_id"))

    op.drop_table("number_series")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_membership_committee_id"))

    op.drop_table("membership")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_committee_id"))

    op.drop_table("meeting")
    with op.batch_alter_table("committee_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_term_committee_id"))

    op.drop_table("committee_term")
    with op.batch_alter_table("committee_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_profile_committee_id"))

    op.drop_table("committee_profile")
    op.drop_table("user_account")
    with op.batch_alter_table("training", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_person_id"))

    op.drop_table("training")
    with op.batch_alter_table("committee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_institution_id"))

    op.drop_table("committee")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_owner")
        batch_op.drop_index(batch_op.f("ix_attachment_blob_sha256"))

    op.drop_table("attachment")
    op.drop_table("setting")
    op.drop_table("person")
    op.drop_table("institution")
    op.drop_table("blob")
    op.drop_table("audit_head")
    op.drop_table("audit_event")
