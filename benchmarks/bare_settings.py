"""Bare Pelican for comparison: its default theme, no plugins, default settings."""

TIMEZONE = "Asia/Jakarta"
PLUGINS = []
FEED_DOMAIN = "http://localhost:8000"  # Pelican warns about feeds without an address
