"""Every demo content file (`src/ikone/<app>/demo/`) is read by its app's
loader and holds what the seeders expect; a file no loader reads fails."""

from pathlib import Path

import pytest

import ikone
from ikone.core import demo_data
from ikone.core.taxonomy import read_fields_of_action
from ikone.qa.demo import demo_questions

SOURCE = Path(ikone.__file__).resolve().parent
PEOPLE = {"mentorin", "mentor", "koordination"}


def demo_files() -> set[Path]:
    return {
        path for pattern in ("*/demo/**/*.yaml", "*/demo/**/*.md") for path in SOURCE.glob(pattern)
    }


LOADERS = [demo_questions]


@pytest.fixture
def files_read(monkeypatch):
    """The files the loaders open, read afresh (the loaders cache)."""
    read: set[Path] = set()
    original = demo_data._read

    def recording(path):
        read.add(Path(path).resolve())
        return original(path)

    monkeypatch.setattr(demo_data, "_read", recording)
    for loader in LOADERS:
        loader.cache_clear()
    yield read
    for loader in LOADERS:
        loader.cache_clear()


def test_every_demo_file_is_read_by_a_loader(files_read):
    for loader in LOADERS:
        assert loader(), f"{loader.__qualname__} found nothing"
    assert files_read == demo_files()


def test_questions_refer_to_known_people_and_fields():
    organizations = {"kaiserslautern", "mainz", "bitburg-pruem", "mayen-koblenz"}
    organizations |= {"kusel", "linz"}  # the organisations with demo people
    fields = {entry["key"] for entry in read_fields_of_action()}
    for question in demo_questions():
        assert question.asker.rstrip("+") in organizations, question.title
        assert set(question.fields) <= fields, question.title
        for answer in question.answers:
            assert answer.author.rstrip("+") in organizations | PEOPLE, question.title
        assert question.call in {"mpsc-2021", "beispielaufruf-smarte-region"}


def test_a_broken_file_is_reported_with_file_and_line(tmp_path, monkeypatch):
    from ikone.qa import demo as qa_demo

    broken = tmp_path / "questions.yaml"
    text = qa_demo.QUESTIONS_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("hours_after: 20", "hours_after: zwanzig", 1), "utf-8")
    line = broken.read_text(encoding="utf-8").splitlines().index("      hours_after: zwanzig")
    monkeypatch.setattr(qa_demo, "QUESTIONS_FILE", broken)
    demo_questions.cache_clear()
    with pytest.raises(demo_data.DemoDataError) as raised:
        demo_questions()
    demo_questions.cache_clear()
    assert str(raised.value).startswith(f"{broken}:{line + 1}: Feld „hours_after“")
