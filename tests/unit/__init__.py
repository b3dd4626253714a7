"""The core without Qt: seconds."""
