"""gunicorn's settings (ikone.gunicorn_conf, ADR 0009): the master loads the
application before forking and hands the workers no connection and no
objects the garbage collector would write to."""

import gc

from django.core.cache import caches
from django.db import connections

from ikone import gunicorn_conf


def test_the_application_is_loaded_before_the_workers_start():
    assert gunicorn_conf.preload_app is True


def test_numpy_computes_in_one_thread_per_worker():
    import importlib
    import os

    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.pop(variable, None)
    importlib.reload(gunicorn_conf)
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "1"


def test_when_ready_closes_connections_and_freezes_what_is_loaded(monkeypatch):
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("database"))
    monkeypatch.setattr(caches, "close_all", lambda: closed.append("cache"))
    try:
        gunicorn_conf.when_ready(server=None)
        assert sorted(closed) == ["cache", "database"]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
