"""The web app's one settings object, read from ``OARS_*`` environment variables.

Everything that differs between a laptop demo, the test suite and a clinic's servers lives here, so the
app factory (``create_app(Settings(...))``) is the only place a test or a deployment has to reach. Outside
development the secret key must be set and strong: a default secret would let anyone who read this
file forge CSRF tokens, so ``Settings()`` refuses to exist rather than run with one.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from oars.errors import ConfigError

__all__ = ["DEVELOPMENT_SECRET", "MIN_SECRET_LENGTH", "Settings"]

DEVELOPMENT_SECRET = "oars-development-secret-do-not-use-in-production"
"""The key used when none is set: accepted only with ``OARS_ENV=development``."""
MIN_SECRET_LENGTH = 32
"""A secret key shorter than this is refused outside development."""


class Settings(BaseSettings):
    """How one ``oars serve`` process behaves. Every field is ``OARS_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="OARS_", extra="ignore", frozen=True)

    env: Literal["production", "development"] = "production"
    secret_key: SecretStr = SecretStr(DEVELOPMENT_SECRET)
    db: str | None = Field(default=None, description="Database URL; default: SQLite in the user's data folder.")
    migrate_on_start: bool = True
    default_locale: str = "US"

    # Sessions and cookies.
    idle_minutes: int = Field(default=30, gt=0)
    absolute_hours: int = Field(default=12, gt=0)
    cookie_secure: bool | None = Field(default=None, description="None: Secure exactly when the request is https.")
    invite_hours: int = Field(default=72, gt=0)

    # Request limits.
    max_body_bytes: int = Field(default=1_000_000, gt=0)
    max_upload_bytes: int = Field(default=5_000_000, gt=0)

    # Rate limits: at most N in a window of ``rate_window_seconds``.
    rate_window_seconds: int = Field(default=900, gt=0)
    login_per_account: int = Field(default=5, gt=0)
    login_per_ip: int = Field(default=30, gt=0)
    messages_per_account: int = Field(default=300, gt=0)
    uploads_per_account: int = Field(default=30, gt=0)

    # Chat sessions a worker keeps in memory between turns (a cache checked against the database on every
    # turn; see ``oars.web.live``): rebuilding a session for every turn costs over a quarter of its CPU. 0: none.
    live_sessions: int = Field(default=512, ge=0)
    # Requests a worker works on at once; the rest wait their turn in order. A worker runs one core's worth
    # of Python, so more at once only makes each slower (measured: CPU per chat turn rises with it); two
    # let a short request pass a slow one. Its database pool holds as many connections, plus one.
    request_threads: int = Field(default=2, gt=0)

    # Password hashing (argon2id); tests lower the cost, production keeps the library's defaults.
    password_time_cost: int = Field(default=3, gt=0)
    password_memory_kib: int = Field(default=65_536, ge=8)
    password_parallelism: int = Field(default=4, gt=0)

    @model_validator(mode="after")
    def _argon2_needs_eight_kib_per_lane(self) -> Self:
        if self.password_memory_kib < 8 * self.password_parallelism:
            raise ConfigError(
                f"OARS_PASSWORD_MEMORY_KIB must be at least 8 × OARS_PASSWORD_PARALLELISM "
                f"({8 * self.password_parallelism}), got {self.password_memory_kib}"
            )
        return self

    @model_validator(mode="after")
    def _refuse_weak_secret_outside_development(self) -> Self:
        if self.env == "development":
            return self
        secret = self.secret_key.get_secret_value()
        if secret == DEVELOPMENT_SECRET or len(secret) < MIN_SECRET_LENGTH:
            raise ConfigError(
                f"OARS_SECRET_KEY must be set to a random value of at least {MIN_SECRET_LENGTH} characters "
                "outside development (e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))'), "
                "or set OARS_ENV=development for a local trial"
            )
        return self
