"""The bundled app's entry point (PyInstaller): the same as the fokus command."""

import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--calendar-reader"]:
        # The tray's calendar reader (app/week/calendar_process.py): no -m in a bundle.
        from app.week.calendar_process import main as read_calendar

        read_calendar()  # it ends the process itself
    from ui.entry import main

    sys.exit(main())
