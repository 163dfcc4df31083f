"""Read models: what the screens, the reports and the command line show, as plain frozen
rows. Each function takes a Session (it never opens one), reads, and returns values that
outlive the session; no ORM object leaves this package.

- ``overview``: institutions and committees, with counts and the dashboard's compliance;
- ``roster``: the paged roster of a committee (search, filters and sorting in SQL), and
  what the member dialogs show;
- ``records``: a person's training and declarations, consultants, declaration targets;
- ``setup``: a committee's settings as the settings screen edits them.
"""
