"""Compare two versions of a call's text, section by section.

`diff_versions(old_sections, new_sections)` pairs sections by number and
returns one `SectionDiff` per number in reading order. For changed
sections `title_html`/`text_html` hold a word-level diff as accessible
markup: `<del>`/`<ins>` elements, each starting with a visually hidden
label ("gelöscht:", "eingefügt:") so screen readers announce the change.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.calls.models import CallSection, anchor_for
from ikone.calls.text import html_to_text

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
UNCHANGED = "unchanged"

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class SectionDiff:
    number: str
    status: str
    old_title: str
    new_title: str
    title_html: SafeString
    text_html: SafeString

    @property
    def anchor(self) -> str:
        return anchor_for(self.number)

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1

    @property
    def changed(self) -> bool:
        return self.status != UNCHANGED


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".") if p.isdigit())


def _mark(kind: str, words: str) -> str:
    if not words.strip():
        return escape(words)
    label = _("gelöscht:") if kind == "del" else _("eingefügt:")
    end = _("Ende der Änderung.")
    return (
        f'<{kind} class="ikone-diff__{kind}"><span class="kern-sr-only">{label} </span>'
        f'{escape(words)}</{kind}><span class="kern-sr-only"> {end} </span>'
    )


def word_diff(old: str, new: str) -> SafeString:
    """Word-level diff of two plain texts as escaped HTML with <del>/<ins>.
    Line breaks become <br>."""
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(_mark("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(_mark("ins", "".join(b[j1:j2])))
    html = "".join(out).replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - every piece above is escaped


def _plain(text: str) -> SafeString:
    return mark_safe(escape(text).replace("\n", "<br>"))  # noqa: S308 - escaped


def diff_versions(
    old_sections: Iterable[CallSection], new_sections: Iterable[CallSection]
) -> list[SectionDiff]:
    old = {s.number: s for s in old_sections}
    new = {s.number: s for s in new_sections}
    result = []
    for number in sorted(set(old) | set(new), key=_number_key):
        before, after = old.get(number), new.get(number)
        if before is None and after is not None:
            result.append(
                SectionDiff(
                    number, ADDED, "", after.title, _plain(after.title), _plain(after.plain_text)
                )
            )
        elif after is None and before is not None:
            result.append(
                SectionDiff(
                    number,
                    REMOVED,
                    before.title,
                    "",
                    _plain(before.title),
                    _plain(before.plain_text),
                )
            )
        elif before is not None and after is not None:
            old_text, new_text = html_to_text(before.text), html_to_text(after.text)
            if before.title == after.title and old_text == new_text:
                result.append(
                    SectionDiff(
                        number,
                        UNCHANGED,
                        before.title,
                        after.title,
                        _plain(after.title),
                        _plain(new_text),
                    )
                )
            else:
                result.append(
                    SectionDiff(
                        number,
                        CHANGED,
                        before.title,
                        after.title,
                        word_diff(before.title, after.title),
                        word_diff(old_text, new_text),
                    )
                )
    return result
