"""CPU time of rendering one criteria form's widgets (ten checkboxes, a
select, a textarea) with Django's template engine and with the project's
renderer (`ikone.core.form_renderer`, Django's built-in widget templates
through Jinja2). Alternates the two so a busy machine affects both.

    .venv/bin/python bench/form_widgets.py
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ikone.settings")

ROUNDS = 300


def main() -> None:
    import django

    django.setup()
    from django.forms.renderers import DjangoTemplates

    from ikone.applications.forms import SelfAssessmentForm
    from ikone.core.form_renderer import FastWidgetRenderer

    choices = [(number, f"Abschnitt {number}") for number in range(10)]
    initial = {"sections": [1, 2], "score": 3, "note": "Notiz"}

    def render(renderer) -> str:
        form = SelfAssessmentForm(
            prefix="k1", section_choices=choices, initial=initial, renderer=renderer
        )
        return "".join(str(form[name].as_widget()) for name in form.fields)

    def markup(html: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r">\s+", ">", html))

    django_engine, project = DjangoTemplates(), FastWidgetRenderer()
    assert markup(render(django_engine)) == markup(render(project))
    timings: dict[str, list[float]] = {"Django templates": [], "FastWidgetRenderer": []}
    for _ in range(3):
        for label, renderer in (
            ("Django templates", django_engine),
            ("FastWidgetRenderer", project),
        ):
            started = time.process_time()
            for _ in range(ROUNDS):
                render(renderer)
            timings[label].append((time.process_time() - started) / ROUNDS * 1000)
    for label, values in timings.items():
        print(f"{label:20} {min(values):.3f} ms per form (best of 3 × {ROUNDS})")


if __name__ == "__main__":
    main()
