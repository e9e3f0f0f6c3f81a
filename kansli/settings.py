"""Django settings for Kansli, read from the environment.

Every variable is documented in docs/configuration.md; a test keeps the two in step.
"""

from __future__ import annotations

import datetime
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from kansli.lib.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("KANSLI_DATA_DIR", "var")).resolve()


def _secret_key() -> str:
    """The key from SECRET_KEY, or one generated once and kept in the data directory."""
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "kansli.registry",
    "kansli.meetings",
    "kansli.minutes",
    "kansli.imports",
    "kansli.public",
    "kansli.api",
    "corsheaders",
    "kansli.accounts",
    "kansli.staff",
    "kansli.memory",
    "auditlog",
    "axes",
    "django_htmx",
    "js_lib_htmx",  # ships htmx.min.js as a static file: static/htmx/htmx.min.js
    "kansli.notices",
    "kansli.search",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before anything that may answer on its own
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kansli.accounts.middleware.StaffAuditlogMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kansli.accounts.middleware.RefusalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "kansli.urls"
WSGI_APPLICATION = "kansli.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kansli.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the public site read while the secretariat writes; a busy timeout instead of
    # "database is locked" under concurrent gunicorn workers.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new and changed passwords are hashed with it; older hashes still verify and are
# upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# django-axes counts failed logins per user name and address and locks further tries out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("KANSLI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("KANSLI_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "public:home"
# The audit trail records who changed what; a forwarded address can be forged, so it is not kept.
AUDITLOG_DISABLE_REMOTE_ADDR = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }

# Shared by all server processes, so a change seen by one is seen by all (see public/caching.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        # Culling drops a random third of the entries when the cache is full; keep room for
        # every page and file of a large archive.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
KANSLI_PUBLIC_CACHE_SECONDS = env_int("KANSLI_PUBLIC_CACHE_SECONDS", 3600)

# The open-data API and the public feeds may be read from any web page: GET only, never with
# cookies, so another site can read nothing a stranger could not.
CORS_URLS_REGEX = r"^/(api|flode|kalender)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
# Requests per client address, e.g. "600/min"; empty or 0 for no limit.
KANSLI_API_RATE_LIMIT = env_str("KANSLI_API_RATE_LIMIT", "600/min")
# Reverse proxies in front of Kansli that append to X-Forwarded-For; 0 reads the client's
# address from the connection, which a client cannot forge.
NINJA_NUM_PROXIES = env_int("KANSLI_TRUSTED_PROXIES", 0)
# The largest attachment the secretariat may upload to an agenda item, in megabytes.
KANSLI_ATTACHMENT_MAX_MB = env_int("KANSLI_ATTACHMENT_MAX_MB", 20)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kansli@localhost")

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

KANSLI_SITE_NAME = env_str("KANSLI_SITE_NAME", "Kansli")
# Where the public site lives: links in e-mail and calendar invitations, and the domain that
# makes meeting UIDs unique.
KANSLI_SITE_URL = env_str("KANSLI_SITE_URL", "http://127.0.0.1:8000/")

# Background work (e-mail, reminders) runs in `kansli worker`, queued in the database so it
# survives restarts and needs no extra server.
TASKS = {
    "default": {
        "BACKEND": env_str("KANSLI_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# The organisation's certificate and key that sign published PDFs (PAdES), as PEM files; by
# default the ones `kansli signing-certificate` creates in the data directory.
KANSLI_SIGNING_CERT = Path(env_str("KANSLI_SIGNING_CERT", str(DATA_DIR / "signing" / "cert.pem")))
KANSLI_SIGNING_KEY = Path(env_str("KANSLI_SIGNING_KEY", str(DATA_DIR / "signing" / "key.pem")))
KANSLI_SIGNING_KEY_PASSPHRASE = env_str("KANSLI_SIGNING_KEY_PASSPHRASE", "")
