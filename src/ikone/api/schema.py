"""drf-spectacular hooks for the OpenAPI document at /api/v1/schema/."""

from collections.abc import Callable
from typing import Any

Endpoint = tuple[str, str, str, Callable[..., Any]]


def preprocess_only_api_v1(endpoints: list[Endpoint], **kwargs: Any) -> list[Endpoint]:
    """Keep only IKONE's versioned API: other DRF views in the URL conf (such
    as Wagtail's /cms/api/) are not part of the public interface."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
