"""Search folding for municipality names: `fold` (core's rule, see
`ikone.core.text`) applied to official and short names."""

from ikone.core.text import fold

__all__ = ["SEARCH_NAME_MAX_LENGTH", "fold", "search_text"]

SEARCH_NAME_MAX_LENGTH = 200


def search_text(*, name: str, name_short: str) -> str:
    """The folded text a municipality is found by: its official name, led by
    its short name where the short name is not already the name's start."""
    folded_name = fold(name)
    folded_short = fold(name_short)
    if not folded_name.startswith(folded_short):
        folded_name = f"{folded_short} {folded_name}"
    return folded_name[:SEARCH_NAME_MAX_LENGTH]
