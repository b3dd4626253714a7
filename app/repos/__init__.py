"""Repositories as projects: local git working trees mapped to projects, where
each stood when its project was left (the resumption card), switches noticed
from git activity, and each person's measured resumption lag.

Git is asked only at switch time, through ``git`` with a timeout; activity is
seen through inotify (``watchdog``), never by polling ``git status``. Branch
names, commit subjects and file names are kept only when the person turns
``git_store_names`` on; file contents never."""
