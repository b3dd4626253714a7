"""The bundle, the desktop files, lint and types."""
