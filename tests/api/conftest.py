"""The API serves the directory: reuse its fixtures."""

from tests.municipalities.conftest import hierarchy, primary_network

__all__ = ["hierarchy", "primary_network"]
