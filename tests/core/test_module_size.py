"""No Python module over 400 lines outside migrations (STYLE.md §1): the
source, the tests and the benchmark.

Past that size a module becomes a package split by sub-domain; this test
names every module that grew past the limit, so the split happens in the
change that made it long rather than in a clean-up issue later.
"""

from pathlib import Path

import ikone

MAX_LINES = 400
REPOSITORY = Path(ikone.__file__).resolve().parents[2]
CHECKED = ("src/ikone", "tests", "bench")


def python_modules() -> list[Path]:
    return sorted(
        path
        for directory in CHECKED
        for path in (REPOSITORY / directory).rglob("*.py")
        if "migrations" not in path.relative_to(REPOSITORY).parts
    )


def line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def test_no_module_over_the_limit():
    too_long = {
        str(path.relative_to(REPOSITORY)): count
        for path in python_modules()
        if (count := line_count(path)) > MAX_LINES
    }
    assert not too_long, (
        f"Modules over {MAX_LINES} lines; split them along their responsibilities: {too_long}"
    )


def test_the_check_sees_the_source():
    assert len(python_modules()) > 100
