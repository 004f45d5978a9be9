"""Influencing services, always opt-in: opportunities at three levels and a group's anonymous feedback."""
