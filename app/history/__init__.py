"""Editing the past: sessions, pauses, switches and interruptions changed by hand,
each change recorded (who, when, before and after) and undoable."""
