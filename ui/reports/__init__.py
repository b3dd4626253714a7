"""Reflection, Insights, export and team-report windows, and their reminders."""
