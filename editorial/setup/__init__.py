"""What the tasks install before they run: Debian packages and the web editor's npm packages."""
