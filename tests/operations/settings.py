"""Production settings for the servers the operations tests start, with one
difference: static files are collected with a manifest but not compressed.
whitenoise's gzip and Brotli step costs about a minute of CPU per test run
and has nothing to do with what these tests check."""

from ikone.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
