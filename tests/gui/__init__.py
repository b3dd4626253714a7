"""Widgets offscreen, with a real Qt event loop and a real SQLite file."""
