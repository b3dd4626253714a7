"""Fokus's Qt front end: tray, windows and dialogs, and the bridge to the core."""
