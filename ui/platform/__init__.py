"""Qt-bound platform adapters: notifications, idle over D-Bus, global hotkeys."""
