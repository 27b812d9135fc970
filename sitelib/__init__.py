"""Code shared by our Pelican plugins and tasks (this package is not a plugin)."""
