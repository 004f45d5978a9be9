"""How professionals are involved with a group, always on the group's terms: as invited guests at a meeting,
and in agreed roles (from linking to resources up to figurehead) that are reviewed and easy to end."""
