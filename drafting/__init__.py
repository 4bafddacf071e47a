"""drafting — compare statutes with model legislation, review them, draft bills and redlines."""

__version__ = "0.1.0"
