"""The tray's side of syncing through a folder: when to sync, off the GUI thread."""
