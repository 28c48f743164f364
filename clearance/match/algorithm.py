"""Name and version of the matching algorithm; stored with every result.

Bump VERSION whenever normalisation, weights or scoring change: results computed under
another version are then recognisable, and persisted indexes are rebuilt.
"""

ALGORITHM = "clearance-tokens"
VERSION = "47"

__all__ = ["ALGORITHM", "VERSION"]
