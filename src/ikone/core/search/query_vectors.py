"""Each distinct query text is encoded once: its vector is kept in the shared
cache (Redis in production) under the digest of the text, so typing the same
question again, another person asking it, or the other web worker serving
it costs a cache read instead of the encoder's CPU time."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np
from django.core.cache import cache

KEY_PREFIX = "ikone:query-vector:usem3:"
SECONDS = 7 * 24 * 3600


def key_for(text: str) -> str:
    return KEY_PREFIX + hashlib.sha256(text.encode()).hexdigest()


def encoded_once(text: str, encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """The unit vector of `text` (512 float32), from the cache or encoded now."""
    key = key_for(text)
    stored = cache.get(key)
    if isinstance(stored, bytes):
        return np.frombuffer(stored, dtype=np.float32)
    vector = np.ascontiguousarray(encode([text])[0], dtype=np.float32)
    cache.set(key, vector.tobytes(), SECONDS)
    return vector
