"""Reflections, the SPACE metrics, the weekly self-report (JSON, CSV, PDF, charts)
and the team report."""
