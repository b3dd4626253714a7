"""The bundled app's entry point (PyInstaller): the same as the fokus command."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
