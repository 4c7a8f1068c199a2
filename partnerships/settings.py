"""Settings of partnerships, read from the environment (see docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from partnerships.core.env import (
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_key,
)
from partnerships.core.languages import INTERFACE_LANGUAGES, INTERFACE_LANGUAGES_BIDI

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = env_path("PARTNERSHIPS_VAR_DIR", BASE_DIR / "var")
DATA_DIR = env_path("PARTNERSHIPS_DATA_DIR", BASE_DIR / "data")
# Stakeholder engagement (docs/stakeholders.md): where application documents are
# kept (outside anything served), their size limit, and the virus-scan hook.
STAKEHOLDER_UPLOAD_DIR = env_path("STAKEHOLDER_UPLOAD_DIR", VAR_DIR / "stakeholders")
STAKEHOLDER_UPLOAD_MAX_BYTES = env_int("STAKEHOLDER_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
STAKEHOLDER_VIRUS_SCAN = env_str("STAKEHOLDER_VIRUS_SCAN", "")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_tasks",
    "partnerships.core",
    "partnerships.reference",
    "partnerships.registry",
    "partnerships.cooperation",
    "partnerships.sources",
    "partnerships.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "partnerships.api",
    "partnerships.interop",
    "partnerships.demo",
    "partnerships.ingest",
    "partnerships.reports",
    "partnerships.portal",
    "partnerships.stakeholders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves compressed, cache-busted static files without a separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "partnerships.accounts.actors.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "partnerships.urls"
WSGI_APPLICATION = "partnerships.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerships.portal.context_processors.portal",
            ],
        },
    },
]

# Connections are kept between requests (a minute by default) and checked before
# each request reuses one: a new PostgreSQL connection costs a server process and
# its empty catalogue caches, which doubled the planning time of a profile's
# queries (docs/portal.md, session 11). `DATABASE_CONN_MAX_AGE=0` closes each at
# the end of its request.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'partnerships.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a long import writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The six official languages of the United Nations, in UN order, from the one
# registry of languages (docs/i18n.md).
LANGUAGE_CODE = "en"
LANGUAGES = INTERFACE_LANGUAGES
LANGUAGES_BIDI = INTERFACE_LANGUAGES_BIDI
# The portal's interface strings win over those of Django's own apps.
LOCALE_PATHS = [BASE_DIR / "partnerships" / "portal" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# Front-end libraries of the portal, installed from npm and copied here at set-up
# (`make assets`, run by `make run` and `make test`; see docs/portal.md).
STATICFILES_DIRS = [("vendor", BASE_DIR / "build" / "vendor")]
# Uploaded files: the file system under MEDIA_ROOT by default; STORAGE=s3 keeps
# them in an S3-compatible object store (django-storages; install boto3, and set
# AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL and the credentials in the
# environment, where django-storages reads them).
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
MEDIA_URL = "/media/"
_FILES = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if env_str("STORAGE", "filesystem") == "s3":
    _FILES = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "default_acl": None,
            "querystring_auth": True,
        },
    }
STORAGES = {
    "default": _FILES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
_TLS = env_bool("PARTNERSHIPS_TLS", False)
SESSION_COOKIE_SECURE = _TLS
CSRF_COOKIE_SECURE = _TLS
SECURE_SSL_REDIRECT = _TLS
SECURE_HSTS_SECONDS = 31536000 if _TLS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _TLS
# Only marks the site as fit for browsers' built-in HTTPS list (check --deploy asks
# for it); being listed still takes a submission at hstspreload.org, which binds
# every sub-domain and is slow to undo.
SECURE_HSTS_PRELOAD = _TLS

# LOG_FORMAT=json writes one JSON object a line (partnerships.ops.logs).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "partnerships.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if env_str("LOG_FORMAT", "") == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Cache (rate limits) ----------------------------------------------------------
# One process by default; set CACHE_URL=redis://127.0.0.1:6379/1 when several
# processes serve the site, so that rate limits are counted across them.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if _cache_url := env_str("CACHE_URL", ""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
# --- Background tasks (the IATI upload page; docs/configuration.md) -------------
# Immediate (run in the request) unless a worker's backend is named, e.g.
# TASKS_BACKEND=django_tasks_db.DatabaseBackend with django-tasks-db installed.
TASKS_BACKEND = env_str(
    "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
if TASKS_BACKEND.startswith("django_tasks_db."):
    INSTALLED_APPS.append("django_tasks_db")

# --- Sessions and e-mail (password resets) ----------------------------------------
# Sessions live in the database, so that any web process serves any visitor.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LOGIN_URL = "partner-login"
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "partnerships@localhost")

# Two-factor sign-in for staff (partnerships.accounts.two_factor, django-otp).
STAFF_TWO_FACTOR = env_bool("STAFF_TWO_FACTOR", False)

RATELIMIT_VIEW = "partnerships.accounts.views.rate_limited"
LOGIN_RATE = env_str("LOGIN_RATE", "10/m")
TOKEN_RATE = env_str("TOKEN_RATE", "20/m")

# --- REST API -----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "partnerships.accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["partnerships.api.permissions.ScopedAccess"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "partnerships.api.renderers.CSVRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["partnerships.api.filtering.ActorFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "partnerships.api.pagination.KeyCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"token": TOKEN_RATE},
    "EXCEPTION_HANDLER": "partnerships.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "partnerships API",
    "DESCRIPTION": "Organisations, their cooperation and its sources.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets that share a name get distinct, stable names in the schema.
    "ENUM_NAME_OVERRIDES": {
        "EngagementStatusEnum": "partnerships.cooperation.models.Status",
        "ProposalStatusEnum": "partnerships.cooperation.models.ProposalStatus",
        "LanguageEnum": "partnerships.core.languages.LANGUAGE_CHOICES",
    },
}

# --- Content Security Policy (django-csp) ---------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# The organisation that publishes the portal's IATI downloads (its reporting-org):
# the agency running the registry, by key (docs/portal.md, "Downloads").
IATI_REPORTING_ORG = env_str("IATI_REPORTING_ORG", "UN-Habitat")
