"""Context switches, interruptions, resume notes and automatic switch rules."""
