"""IKONE settings, configured only by the environment variables listed in
ARCHITECTURE.md (see docs/configuration.md). Production differs from
`make run` only by the environment."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from ikone.core.config import (
    email_config,
    env_bool,
    env_datetime,
    env_int,
    env_list,
    env_str,
    init_error_reporting,
    log_settings,
    secret_key,
)
from ikone.core.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = Path(env_str("IKONE_DATA_DIR", str(PROJECT_DIR / "var"))).resolve()

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Reverse proxies in front that append to X-Forwarded-For (ADR 0005); 0: the
# header is ignored (anyone could send one), the connection's address counts.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0)
# Off only for measurements (make bench, make loadtest), never in production.
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", default=True)
CSRF_TRUSTED_ORIGINS = [
    f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host not in {"*", ""}
]

INSTALLED_APPS = [
    "ikone.core",
    "ikone.municipalities",
    "ikone.accounts",
    "ikone.knowledge",
    "ikone.calls",
    "ikone.events",
    "ikone.qa",
    "ikone.applications",
    "ikone.solutions",
    "ikone.support",
    "ikone.notifications",
    "ikone.network",
    "ikone.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "drf_spectacular_sidecar",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "ikone.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "ikone.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages only (WhiteNoise precompresses static files); padded against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous pages from the shared cache (ADR 0006): after the language is
    # known, before anything reads the session, the user or the CSRF token.
    "ikone.core.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ikone.core.middleware.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ikone.accounts.middleware.RequireStaffMfaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the views' exceptions first.
    "ikone.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "ikone.urls"
WSGI_APPLICATION = "ikone.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ikone.core.context_processors.platform",
            ],
        },
    },
]

FORM_RENDERER = "ikone.core.form_renderer.FastWidgetRenderer"  # Django's widgets through Jinja2
# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'ikone.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # A database host that does not answer (network gone, failover under
    # way) gives the 503 page after 5 s instead of a request hanging for the
    # system's TCP timeout; `?connect_timeout=N` in DATABASE_URL overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions ------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        # One version token per table (ikone.core.pagecache.tables): shared by
        # every process, never expiring on its own.
        "page_versions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "versions",
            "TIMEOUT": None,
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Without Redis the web server, the task worker and the commands of
        # one machine share the table versions through files.
        "page_versions": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache" / "page-versions"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }
# Whole anonymous pages from the cache (ikone.core.pagecache.middleware).
PAGE_CACHE_ENABLED = True
# Files every process of a machine maps instead of holding its own copy
# (docs/adr/0007-shared-encoder-and-embeddings.md): the snapshot of all
# stored embeddings and the sentence encoder's weights.
SEARCH_VECTORS_DIR = DATA_DIR / "search" / "vectors"
SEARCH_ENCODER_DIR = DATA_DIR / "search" / "encoder"

# --- Background tasks -----------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
# Retries and crash recovery of `ikone db_worker` (core/tasks.py, docs/operations.md).
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", default=5, minimum=1)
TASK_RETRY_BASE_SECONDS = env_int("TASK_RETRY_BASE_SECONDS", default=30, minimum=1)
TASK_RETRY_MAX_SECONDS = env_int("TASK_RETRY_MAX_SECONDS", default=3600, minimum=1)
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", default=900, minimum=1)

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[IKONE] "
# allauth's own rate limits count the same client address as ours.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
ACCOUNT_ADAPTER = "ikone.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "ikone.accounts.forms.SignupExtraForm"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "IKONE"


# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# British English dates ("14 January 2027") instead of Django's American ones.
FORMAT_MODULE_PATH = ["ikone.core.formats"]

# --- Static and media files -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- E-mail -----------------------------------------------------------------
DEFAULT_FROM_EMAIL = SERVER_EMAIL = "IKONE <noreply@ikone.invalid>"
vars().update(email_config(env_str("EMAIL_URL", "console://")))

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "IKONE"
# Links in CMS notification mails point at the first configured host.
WAGTAILADMIN_BASE_URL = (
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# No requests to other hosts from the admin either (gravatar.com, releases.wagtail.org).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "pptx", "odp", "csv", "txt"]
# Support requests: replies by e-mail go to a signed plus-address of this
# mailbox; `ikone fetch_support_replies` reads it over IMAP (docs/support.md).
IKONE_SUPPORT_REPLY_ADDRESS = env_str("IKONE_SUPPORT_REPLY_ADDRESS", "")
IKONE_SUPPORT_IMAP_URL = env_str("IKONE_SUPPORT_IMAP_URL", "")
SEARCH_URL = env_str("SEARCH_URL", "")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "modelsearch.backends.elasticsearch8",
            "URLS": [SEARCH_URL],
            "INDEX": "ikone",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}

# --- REST API ---------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "ikone.api.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "IKONE API",
    "DESCRIPTION": "Offene Schnittstelle der IKONE-Plattform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Only /api/v1/ is IKONE's public interface; Wagtail's /cms/api/ stays out.
    "PREPROCESSING_HOOKS": ["ikone.api.schema.preprocess_only_api_v1"],
    # Several APIs have a `status`; the catalogue's gets a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "ikone.applications.models.drafts.DraftStatus",
        "SolutionStatusEnum": "ikone.solutions.models.choices.SolutionStatus",
    },
}

# --- Security ---------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # NONCE only appears in the header when a template used request.csp_nonce;
        # our own templates never do (see ikone.core.security).
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Crawlers and security researchers (docs/seo.md) -------------------------
# A test or staging installation sets this so that search engines index none of it.
ROBOTS_DISALLOW_ALL = env_bool("ROBOTS_DISALLOW_ALL", default=False)
# /.well-known/security.txt (RFC 9116) exists once both are set.
SECURITY_TXT_CONTACT = env_list("SECURITY_TXT_CONTACT", default=[])
SECURITY_TXT_EXPIRES = env_datetime("SECURITY_TXT_EXPIRES")
SECURITY_TXT_POLICY = env_str("SECURITY_TXT_POLICY", "")

# --- Logs, metrics, error reporting (docs/operations.md) ---------------------
LOGGING = logging_config(*log_settings())
# /metrics answers only with this bearer token; unset, it does not exist.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    init_error_reporting(SENTRY_DSN, env_str("SENTRY_ENVIRONMENT", "production"))
