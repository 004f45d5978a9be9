"""Two worlds, on the groups' terms: how a group relates to professionals, what it would welcome, and the
working arrangements between groups and professionals or agencies (offers, talks, invitations, roles)."""
