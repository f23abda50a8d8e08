"""Runtime configuration: every knob is an environment variable (prefix-free, documented here)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings read from the environment (and `.env` if present)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = Field(
        default="development",
        description="`production` refuses to start without the secrets a development "
        "machine may generate for itself (`pii_keys`).",
    )
    database_url: str | None = Field(
        default=None,
        description="Owner connection URL (runs migrations). Unset: start the embedded "
        "PostgreSQL under `var_dir/pg`.",
    )
    database_app_url: str | None = Field(
        default=None,
        description="URL the API serves with. Unset: `database_url` with the user replaced "
        "by `db_app_role` (and `db_app_password`).",
    )
    migrate_on_start: bool = Field(
        default=True,
        description="`serve`, `worker` and `sweep-overdue` bring the schema up to date "
        "before starting (as the owner). false: they connect only with `database_app_url` "
        "and refuse to start unless `platform-api migrate` has already brought the schema "
        "to this release, so the owner's credentials stay with the migration job.",
    )
    db_app_role: str = Field(
        default="platform_app",
        description="Role the API connects as: owns nothing, cannot bypass row-level security.",
    )
    db_app_password: str | None = Field(default=None, description="Password of `db_app_role`.")
    database_report_url: str | None = Field(
        default=None,
        description="Read replica for reports (`/v1/reports/*`), connecting as `db_app_role` "
        "(row-level security holds there too). Unset: reports read the primary. Who may "
        "read which tenant is always checked on the primary, so a lagging replica never "
        "widens access.",
    )
    db_pool_min: int = Field(default=2, ge=1, description="Pool connections kept per worker.")
    db_pool_max: int = Field(default=32, ge=1, description="Pool connections max per worker.")
    db_statement_timeout_ms: int = Field(
        default=15_000, ge=0, description="statement_timeout of API connections (0 = none)."
    )
    var_dir: Path = Field(
        default=Path("var"), description="Local state: embedded database, signing keys."
    )

    jwt_issuer: str = Field(default="platform-api", description="`iss` of issued tokens.")
    jwt_audience: str = Field(default="platform-api", description="`aud` of issued tokens.")
    jwt_algorithm: str = Field(
        default="ES256", pattern="^(ES256|RS256)$", description="Signing algorithm."
    )
    jwt_private_key_file: Path | None = Field(
        default=None,
        description="PEM private key. Unset: one is generated once under `var_dir/keys`.",
    )
    token_lifetime_seconds: int = Field(
        default=3600, ge=60, le=86_400, description="Access-token lifetime."
    )
    pii_keys: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="Keys that encrypt personal data at rest (AES-256-GCM): JSON of key id "
        '-> base64 256-bit key, e.g. `{"2026-01": "..."}`. Keep every key that sealed a '
        "stored value; new values use `pii_active_key`. Unset (development only): one is "
        "generated once under `var_dir/keys`.",
    )
    pii_active_key: str | None = Field(
        default=None,
        description="Id of the key in `pii_keys` that seals new values (rotation: add a key, "
        "make it active). May be left out when `pii_keys` holds one key.",
    )

    shutdown_grace_seconds: int = Field(
        default=20,
        ge=0,
        description="On SIGTERM a worker stops accepting, lets requests in flight finish for "
        "at most this long, then flushes its usage counts and closes its pools. Keep it "
        "below the orchestrator's kill deadline (Kubernetes terminationGracePeriodSeconds).",
    )
    max_body_bytes: int = Field(default=1_048_576, description="Larger request bodies get 413.")
    log_level: str = Field(default="INFO", description="Root log level (JSON logs on stdout).")
    idempotency_ttl_hours: int = Field(
        default=24, ge=1, description="How long Idempotency-Key records are kept."
    )
    overdue_sweep_seconds: int = Field(
        default=3600,
        ge=0,
        description="How often each worker announces newly overdue installments "
        "(`installment.overdue` events); 0 turns it off (run `platform-api sweep-overdue` "
        "from cron instead).",
    )
    report_facts_seconds: int = Field(
        default=3600,
        ge=0,
        description="How often each worker brings the portfolio report's per-loan facts up "
        "to date for every tenant, so that a report seldom derives them itself (it always "
        "derives what changed since); 0 turns it off.",
    )
    webhook_dispatcher_in_process: bool = Field(
        default=False,
        description="Run a webhook dispatcher inside each API worker (handy with `make run`); "
        "otherwise run `platform-api worker` (as many as you like, they share the work).",
    )
    webhook_allow_loopback: bool = Field(
        default=False,
        description="Development only: let webhook endpoints be on loopback addresses, and "
        "plain http:// there. Private, link-local and reserved addresses are always refused.",
    )
    webhook_timeout_seconds: float = Field(
        default=10, gt=0, le=60, description="Longest a webhook attempt may take, end to end."
    )
    webhook_retry_base_seconds: float = Field(
        default=30,
        gt=0,
        description="Backoff after a webhook's first failed attempt; doubles each time (with "
        "jitter), at most one hour.",
    )
    webhook_retry_window_seconds: float = Field(
        default=86_400,
        gt=0,
        description="How long a failing delivery is retried before it is given up, and how "
        "long an endpoint may fail without one success before it is disabled.",
    )
    webhook_poll_seconds: float = Field(
        default=0.2,
        gt=0,
        description="How long an idle dispatcher waits before looking for new events again.",
    )
    webhook_max_in_flight: int = Field(
        default=64, ge=1, description="Webhook requests one dispatcher has open at once."
    )
    rate_limit_enabled: bool = Field(
        default=True,
        description="Token-bucket limits per client and per tenant (429 with Retry-After), "
        "shared by every worker through the database.",
    )
    rate_limit_client_per_minute: int = Field(
        default=6000,
        ge=1,
        le=1_000_000_000,
        description="Requests a minute one client may make (bursts of a minute's worth); a "
        "tenant may set its own with the setting `client_rate_limit_per_minute`.",
    )
    rate_limit_tenant_per_minute: int = Field(
        default=30_000,
        ge=1,
        le=1_000_000_000,
        description="Requests a minute all of a tenant's clients together may make; a tenant "
        "may set its own with the setting `rate_limit_per_minute`.",
    )
    rate_limit_token_per_minute: int = Field(
        default=30,
        ge=1,
        le=1_000_000_000,
        description="Token requests a minute for one client id, whoever sends them and "
        "whether the secret is right: guessing a secret gets this many tries.",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="Bearer token `/metrics` requires (Prometheus `authorization` "
        "credentials). Unset: `/metrics` is open, for development only.",
    )
    metering_enabled: bool = Field(
        default=True,
        description="Count every request per tenant, client, operation, status class and "
        "day (`GET /v1/reports/usage`). Off only to measure its cost.",
    )
    metering_flush_seconds: float = Field(
        default=30,
        gt=0,
        description="How often each worker adds its in-memory usage counts to the database "
        "(and once more on shutdown).",
    )

    @model_validator(mode="after")
    def _production_has_keys(self) -> Self:
        if self.environment == "production" and not self.pii_keys:
            raise ValueError(
                "ENVIRONMENT=production needs PII_KEYS (and PII_ACTIVE_KEY): personal data "
                "must not be sealed with a key generated on one machine"
            )
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings are read once per process."""
    return Settings()
