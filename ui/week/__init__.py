"""The Week window, its view, and the watcher of no-meeting windows and the calendar file."""
