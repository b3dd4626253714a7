"""Baseline 1: a bare PySide6 program that only shows a tray icon."""

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2a9d8f"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
sys.exit(app.exec())
