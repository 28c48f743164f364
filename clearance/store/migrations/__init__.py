"""Alembic migrations of the store: every schema change is a revision in `versions/`.

`clearance.store.migrate` applies them when a process first opens the store; `alembic`
(with the repository's `alembic.ini`) writes new ones. See the README, "Scaling out".
"""
