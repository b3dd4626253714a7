"""Baseline 2, the floor of our stack: the bare tray program that also imports
SQLModel and runs one query on a SQLite file."""

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from sqlmodel import Field, Session, SQLModel, create_engine, select


class Item(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
engine = create_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'floor.sqlite3'}")
SQLModel.metadata.create_all(engine)
with Session(engine) as session:
    session.exec(select(Item)).all()
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2a9d8f"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
sys.exit(app.exec())
