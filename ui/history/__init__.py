"""The edit history window."""
