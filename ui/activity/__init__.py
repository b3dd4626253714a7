"""Today's timeline, the activity monitor and the small dialogs around switching."""
