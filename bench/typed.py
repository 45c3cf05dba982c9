"""What the question form sends while someone types (bench/run.py's and
bench/cpu.py's `{typed}`): texts nobody asked before, one per request, so
that no result comes from the suggestions' memo."""

from __future__ import annotations

import random
from urllib.parse import urlencode

from load import Headers

# Requested as htmx does: the fragment the page swaps in.
HTMX: Headers = {"HX-Request": "true"}


def typed_texts() -> list[str]:
    """Texts as the question form sends them while someone types, none
    twice: every question of the development set
    (src/ikone/qa/data/retrieval_eval.yaml), cut after each of its words
    from the third on, without and with one of the funding calls chosen (the
    call is part of the result). In a fixed shuffled order, so that one
    question's beginnings are not asked one after another."""
    from ikone.calls.models import Call
    from ikone.qa.retrieval.evaluation import load
    from ikone.qa.retrieval.suggestions import MIN_LENGTH

    data = load()
    questions = [item["q"] for item in (*data["questions"], *data.get("everywhere", []))]
    typed = {
        " ".join(words[:end])
        for question in questions
        for words in [question.split()]
        for end in range(3, len(words) + 1)
    }
    texts = sorted(text for text in typed if len(text) >= MIN_LENGTH)
    calls = ["", *Call.objects.order_by("slug").values_list("slug", flat=True)]
    queries = [
        urlencode({"title": text, **({"call": call} if call else {})})
        for text in texts
        for call in calls
    ]
    random.Random(15).shuffle(queries)
    return queries
