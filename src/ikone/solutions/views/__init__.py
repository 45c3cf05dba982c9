"""The catalogue's pages (see urls.py)."""
