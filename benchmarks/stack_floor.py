"""Baseline 2, the floor of our stack: the bare tray program that shows its icon
first, as Fokus does, then imports SQLModel, runs one query on a SQLite file
and listens on a local socket (its "ready", as Fokus's command socket is)."""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2a9d8f"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
server = QLocalServer()


def load() -> None:
    from sqlmodel import Field, Session, SQLModel, create_engine, select

    class Item(SQLModel, table=True):
        id: int | None = Field(default=None, primary_key=True)
        name: str

    engine = create_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'floor.sqlite3'}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.exec(select(Item)).all()
    if len(sys.argv) > 1:
        QLocalServer.removeServer(sys.argv[1])  # the last run's, ended by SIGTERM
        server.listen(sys.argv[1])


QTimer.singleShot(0, load)
sys.exit(app.exec())
