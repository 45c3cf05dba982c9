"""Reading the environment: every setting variable is read once, here."""

import importlib
import os
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {raw!r}")


def env_int(name: str, *, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, *, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_datetime(name: str) -> datetime | None:
    """An ISO 8601 date or date-time; a bare date or a time without a zone is
    read as Europe/Berlin (a date means the start of that day)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an ISO 8601 date, not {raw!r}") from error
    from ikone.core.datetimes import to_berlin  # the one module that names the zone

    return to_berlin(value)


def secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else one generated once into data_dir."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    # Created with 0600 so that only the service user can read it.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
}


def email_config(url: str) -> dict[str, object]:
    """Django e-mail settings from an EMAIL_URL.

    console:// · locmem:// · dummy:// · file:///path ·
    smtp://user:pass@host:25 · smtps://…:465 (implicit TLS) ·
    submission://…:587 (STARTTLS); `?from=IKONE%20<noreply@example.org>`
    sets the sender address.
    """
    parts = urlsplit(url)
    scheme = parts.scheme or "console"
    if scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme {scheme!r}")
    query = parse_qs(parts.query)
    config: dict[str, object] = {"EMAIL_BACKEND": EMAIL_BACKENDS[scheme]}
    if "from" in query:
        config["DEFAULT_FROM_EMAIL"] = config["SERVER_EMAIL"] = query["from"][0]
    if scheme == "file":
        config["EMAIL_FILE_PATH"] = parts.path
    if scheme in {"smtp", "smtps", "submission"}:
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or {"smtp": 25, "smtps": 465, "submission": 587}[scheme],
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=scheme == "smtps",
            EMAIL_USE_TLS=scheme == "submission" or "tls" in query,
            EMAIL_TIMEOUT=20,
        )
    return config


LOG_FORMATS = {"text", "json"}
LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"}


def log_settings() -> tuple[str, str]:
    """(LOG_FORMAT, LOG_LEVEL): text or json; the level of IKONE's own
    loggers, by default INFO with JSON (one line per request and task) and
    WARNING with text (the development console)."""
    log_format = env_str("LOG_FORMAT", "text").strip().lower()
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {log_format!r}")
    default_level = "INFO" if log_format == "json" else "WARNING"
    level = env_str("LOG_LEVEL", default_level).strip().upper()
    if level not in LOG_LEVELS:
        raise ImproperlyConfigured(f"LOG_LEVEL must be one of {sorted(LOG_LEVELS)}, not {level!r}")
    return log_format, level


def _tag_request_id(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    from ikone.core.logs import current_request_id

    request_id = current_request_id()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_error_reporting(dsn: str, environment: str) -> None:
    """Report unhandled errors to the Sentry-compatible server at `dsn`
    (Sentry, GlitchTip, …), tagged with the request id. Called only when
    SENTRY_DSN is set; needs the optional dependency `ikone[sentry]`.
    No personal data (send_default_pii off) and no performance tracing."""
    try:
        sentry_sdk = importlib.import_module("sentry_sdk")
    except ImportError as exc:
        raise ImproperlyConfigured(
            "SENTRY_DSN is set but sentry-sdk is not installed: pip install 'ikone[sentry]'"
        ) from exc
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        traces_sample_rate=0.0,
        before_send=_tag_request_id,
    )
