"""Equipment exposure: which installed devices come from covered vendors, why, and at what cost."""
