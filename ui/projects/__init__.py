"""The Projects & batches window and its dialogs."""
