"""The command line: commands declared once, run here or through the running tray."""
