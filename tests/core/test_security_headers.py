"""The security baseline every response carries: a strict CSP (relaxed only
where ikone.core.security documents why), Permissions-Policy, nosniff,
Referrer-Policy and clickjacking protection."""

import pytest
from django.test import override_settings

from ikone.core.security import PERMISSIONS_POLICY, csp_relaxation_for, strip_language_prefix


def _directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/konto/login/", "/en/konto/login/"])
def test_our_pages_get_the_strict_policy(client, path):
    response = client.get(path)
    csp = _directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_our_pages_carry_the_other_security_headers(client):
    response = client.get("/konto/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "camera=()" in PERMISSIONS_POLICY
    assert "geolocation=()" in PERMISSIONS_POLICY


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/cms/login/", "/en/cms/login/"])
def test_only_the_wagtail_admin_may_run_inline_code(client, path):
    csp = _directives(client.get(path)["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert not any(value.startswith("'nonce-") for value in csp["script-src"])


@pytest.mark.django_db
def test_django_admin_keeps_the_strict_policy(client):
    csp = _directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]


@pytest.mark.django_db
def test_swagger_ui_runs_its_inline_script_by_nonce_only(client):
    response = client.get("/api/v1/docs/")
    csp = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in csp["script-src"]
    nonces = [value for value in csp["script-src"] if value.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    html = response.content.decode()
    assert f'<script nonce="{nonce}">' in html
    assert f'<style nonce="{nonce}">' in html
    assert "cdn.jsdelivr.net" not in html


def test_relaxations_match_paths_with_and_without_language_prefix():
    assert strip_language_prefix("/en/cms/pages/") == "/cms/pages/"
    assert strip_language_prefix("/cms/pages/") == "/cms/pages/"
    assert strip_language_prefix("/english/") == "/english/"
    assert csp_relaxation_for("/cms/") is not None
    assert csp_relaxation_for("/en/cms/pages/1/edit/") is not None
    assert csp_relaxation_for("/kommunen/cms/") is None
    assert csp_relaxation_for("/cmsx/") is None
    assert csp_relaxation_for("/") is None


@pytest.mark.django_db
@override_settings(
    DEBUG=False,
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_production_settings_redirect_to_https_and_send_hsts(client):
    assert client.get("/healthz").status_code == 301
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_production_settings_module_turns_on_https_only_cookies(monkeypatch):
    """settings.py with DEBUG=false: HSTS, secure cookies, SSL redirect."""
    import importlib

    import ikone.settings

    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.setenv("SECRET_KEY", "test-only-" + "x" * 50)
    production = importlib.reload(ikone.settings)
    try:
        assert production.SECURE_SSL_REDIRECT is True
        assert production.SECURE_HSTS_SECONDS >= 31536000
        assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
        assert production.SESSION_COOKIE_SECURE is True
        assert production.CSRF_COOKIE_SECURE is True
        assert production.SESSION_COOKIE_HTTPONLY is True
        assert production.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
        assert production.X_FRAME_OPTIONS == "DENY"
    finally:
        monkeypatch.delenv("DEBUG")
        importlib.reload(ikone.settings)
