"""bench/run.py measures the suggestions also for texts nobody asked before
(the memo of a result would answer a repeated one): each request of the
row asks with another text, as typing a question does."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import load  # noqa: E402
import typed  # noqa: E402
from scenarios import MEASURED  # noqa: E402

from tests.calls.factories import make_call  # noqa: E402


def test_a_rotation_gives_each_path_once_across_threads_before_repeating():
    paths = [f"/p/{number}" for number in range(800)]
    next_path = load.rotation(paths)
    seen: list[str] = []
    lock = threading.Lock()

    def take() -> None:
        mine = [next_path() for _ in range(100)]
        with lock:
            seen.extend(mine)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(seen) == sorted(paths)
    assert next_path() in paths


def test_every_request_of_a_measurement_takes_the_next_path(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        load,
        "request",
        lambda connection, path, cookie, extra: (asked.append(path), (200, 0.001))[1],
    )

    load.run_sequential(1, load.rotation(["/a", "/b", "/c"]), "", 4)

    assert asked == ["/a", "/b", "/c", "/a"]


@pytest.mark.django_db
def test_typed_texts_are_beginnings_of_development_questions_without_and_with_a_call():
    make_call(slug="staffel-eins")
    make_call(slug="staffel-zwei")

    queries = typed.typed_texts()

    assert len(queries) == len(set(queries))
    parsed = [parse_qs(query) for query in queries]
    calls = {tuple(query.get("call", [""])) for query in parsed}
    assert calls == {("",), ("staffel-eins",), ("staffel-zwei",)}
    titles = {query["title"][0] for query in parsed}
    assert all(len(title) >= 8 and len(title.split()) >= 3 for title in titles)
    assert len(queries) == 3 * len(titles)
    needed = 2 + load.WARMUP + load.REQUESTS_C1 + load.ROUNDS_C8 * load.REQUESTS_C8
    assert len(queries) >= needed


def test_the_bench_measures_typed_suggestions_as_a_person():
    typed = [scenario for scenario in MEASURED if scenario.typed]

    assert [(scenario.path, scenario.who, scenario.htmx) for scenario in typed] == [
        ("/fragen/vorschlaege/?title={typed}", "contact", True)
    ]
