"""gunicorn's settings for IKONE (docs/configuration.md, ADR 0009):

    gunicorn -c python:ikone.gunicorn_conf ikone.wsgi --workers 4 --bind 127.0.0.1:8000

The master loads the application before it starts the workers, so that the
workers share the memory of everything imported (Django, the apps, their
templates and translations) instead of each holding its own copy: about
40 MB less private memory per worker on the bench (issue 15: at most 150 MB
each). Workers, address and timeouts stay command-line flags.
"""

from __future__ import annotations

import gc
import os
from typing import Any

preload_app = True

# One thread per worker for numpy's linear algebra (the sentence encoder
# behind the suggestions): with a thread per core in every worker, eight
# concurrent suggestions on two cores fought over them (33 requests/s at
# concurrency 8; one thread each: 77). Set before the application and numpy
# are loaded; a value given in the environment wins.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


def when_ready(server: Any) -> None:
    """In the master, after loading the application, before the first fork.

    No database or cache connection may be inherited: a socket used by
    several processes mixes their conversations. Loading opens none today;
    closing here keeps it so whatever a future start-up step opens. Then the
    objects loaded so far move out of the garbage collector's sight
    (`gc.freeze`): a collection in a worker would otherwise write to every
    one of them and turn the shared pages into private copies."""
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
    gc.freeze()
