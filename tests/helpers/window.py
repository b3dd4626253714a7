"""A plain window with a given title, for the automatic-switch tests:
``python -m tests.helpers.window "SIASN — editor"``."""

import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
label = QLabel(sys.argv[1])
label.setWindowTitle(sys.argv[1])
label.resize(300, 120)
label.move(int(sys.argv[2]) if len(sys.argv) > 2 else 100, 200)
label.show()
sys.exit(app.exec())
