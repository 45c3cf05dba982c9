"""Views of the questions app (`/fragen/…` and the call's FAQ page)."""
