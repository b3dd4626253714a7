"""The machine: paths, single instance, autostart, logging, and the idle, active-
window and hotkey back-ends that need no Qt."""
