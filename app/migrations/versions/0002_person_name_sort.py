"""person.name_sort: the key names sort by (pinyin), filled for every existing person

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.domain.names import sort_key

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

person = sa.table(
    "person",
    sa.column("id", sa.Integer()),
    sa.column("name_zh", sa.String()),
    sa.column("name_sort", sa.String()),
)


def upgrade() -> None:
    # An added column with a default: SQLite adds it in place (recreating the table would
    # trip the foreign keys that point at person).
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_sort", sa.String(length=400), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_person_name_sort"), ["name_sort"], unique=False)
    connection = op.get_bind()
    rows = connection.execute(sa.select(person.c.id, person.c.name_zh)).all()
    for person_id, name in rows:
        connection.execute(
            person.update().where(person.c.id == person_id).values(name_sort=sort_key(name))
        )


def downgrade() -> None:
    # In place too (SQLite has dropped columns itself since 3.35).
    op.drop_index(op.f("ix_person_name_sort"), table_name="person")
    op.drop_column("person", "name_sort")
