"""Texts shared by the demo pages."""

EXAMPLE = "Beispielangaben der Demo-Installation – vor dem Betrieb ersetzen"
NETWORK_EMAIL = "info@ikone-ds.de"


def example(text: str) -> str:
    """Mark operator details the demo cannot know."""
    return f"{text} ({EXAMPLE})"
