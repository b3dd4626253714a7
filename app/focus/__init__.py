"""Focus sessions: the engine (idle, focusing, paused, finished, abandoned)."""
