"""Use cases: one function per user action.

Each takes a Session and an Actor, checks permission, validates its input (raising
ValidationError naming the field before anything is written), changes data and appends one
audit event. The caller owns the transaction (``with db.session_scope() as s:``).
"""
