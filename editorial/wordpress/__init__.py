"""`invoke import-wordpress`: one office's WordPress export (WXR) into articles, pages and photos."""
