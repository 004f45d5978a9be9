"""Two Worlds: a self-help group clearinghouse."""

__version__ = "0.1.0"
