"""The Settings window and the welcome guide."""
