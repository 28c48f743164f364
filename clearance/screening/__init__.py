"""Screening workflows over the matcher: batch files, column mapping, grouping, jobs.

Nothing is imported here, so that a command importing one light module of this package
(`columns`) does not load the matcher and its index with it."""
