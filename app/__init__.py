"""Fokus core: domain, storage, focus sessions and the command line. No Qt here."""

__version__ = "0.1.0"
APP_ID = "id.fokus.Fokus"
