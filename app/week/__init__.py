"""The hybrid week: the work model, the allocation matrix, calendars, the planner,
time blocks."""
