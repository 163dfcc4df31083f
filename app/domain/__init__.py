"""The domain's own facts, below every other layer: its words and the predicates the layers
share. Pure Python: no ORM, no Qt, no I/O at import.

- ``vocabulary``: every closed code set (roles, expertise, genders, statuses, kinds …) with
  its Chinese and English names, and the names of the fields users see;
- ``seats``: who holds a seat on a day, who counts, and how soon is "soon";
- ``membership``: the rules a seat on a committee must follow (term order, alternates,
  who votes), shared by the services and the roster file parser.
"""
