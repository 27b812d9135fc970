"""Editor-facing helpers used by tasks.py (no Pelican plugin code here)."""
