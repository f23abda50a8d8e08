"""Bring a database to the current schema: provision roles (and, for the embedded
server, the database), run Alembic as the owner, grant the app role what it needs."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from platform_api.core.db import (
    EMBEDDED_DATABASE,
    EMBEDDED_OWNER,
    DatabaseUrls,
    resolve_urls,
    serving_url,
)
from platform_api.core.keyring import install_keyring
from platform_api.core.schema import APPEND_ONLY_TABLES
from platform_api.models import load_all_models
from platform_api.settings import Settings

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

#: Advisory lock (per database) held by every step that changes the schema or the app
#: role: pods starting at once (and the migration Job) then take turns instead of failing
#: on each other's half-made objects; those that come second find nothing left to do.
MIGRATION_LOCK = 0x706C_6174_666F_726D  # b"platform"
_LOCK_SQL = f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"


def _ident(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"unsafe SQL identifier: {name!r}")
    return name


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def _provision_embedded(admin_url: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        if not await conn.fetchval("SELECT true FROM pg_roles WHERE rolname = $1", EMBEDDED_OWNER):
            await conn.execute(f"CREATE ROLE {EMBEDDED_OWNER} LOGIN")
        if not await conn.fetchval(
            "SELECT true FROM pg_database WHERE datname = $1", EMBEDDED_DATABASE
        ):
            await conn.execute(f"CREATE DATABASE {EMBEDDED_DATABASE} OWNER {EMBEDDED_OWNER}")
    finally:
        await conn.close()


async def _ensure_app_role(urls: DatabaseUrls, settings: Settings) -> None:
    """The API's role: can log in, owns nothing, no BYPASSRLS, only DML on our tables."""
    role = _ident(settings.db_app_role)
    conn = await asyncpg.connect(urls.admin or urls.owner)
    try:
        async with conn.transaction():
            await conn.execute(_LOCK_SQL)
            if not await conn.fetchval("SELECT true FROM pg_roles WHERE rolname = $1", role):
                password = (
                    f" PASSWORD {_quote_literal(settings.db_app_password)}"
                    if settings.db_app_password
                    else ""
                )
                await conn.execute(
                    f"CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE "
                    f"NOINHERIT{password}"
                )
    finally:
        await conn.close()
    conn = await asyncpg.connect(urls.owner)
    try:
        async with conn.transaction():
            await conn.execute(_LOCK_SQL)
            await conn.execute(
                f"""
                GRANT USAGE ON SCHEMA public TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                REVOKE ALL ON alembic_version FROM {role};
                GRANT SELECT ON alembic_version TO {role};
                """
            )
            load_all_models()
            for table in APPEND_ONLY_TABLES:
                await conn.execute(f"REVOKE UPDATE, DELETE ON {_ident(table)} FROM {role}")
    finally:
        await conn.close()


def _scripts() -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent.parent / "migrations"))
    return config


def alembic_config(owner_url: str) -> Config:
    config = _scripts()
    url = make_url(owner_url).set(drivername="postgresql+asyncpg")
    config.set_main_option(
        "sqlalchemy.url", url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


def migrate(settings: Settings) -> DatabaseUrls:
    """Idempotent: safe on every start."""
    urls = resolve_urls(settings)
    if urls.admin:
        asyncio.run(_provision_embedded(urls.admin))
    config = alembic_config(urls.owner)
    config.attributes["keyring"] = install_keyring(settings)  # 0015 seals existing rows
    command.upgrade(config, "head")
    asyncio.run(_ensure_app_role(urls, settings))
    return urls


class SchemaNotReady(RuntimeError):
    """Starting without migrating found no schema, or one older than this release's."""


def _is_behind(revision: str | None) -> bool:
    """Nothing, or a revision this release knows that is not its head. An unknown revision
    is a newer release's, whose migration job ran first in a rolling update: refusing
    would only stop this release's pods from restarting until the rollout replaces them."""
    scripts = ScriptDirectory.from_config(_scripts())
    if revision is None:
        return True
    known = {script.revision for script in scripts.walk_revisions()}
    return revision in known and revision != scripts.get_current_head()


async def _schema_revision(app_url: str) -> str | None:
    conn = await asyncpg.connect(app_url)
    try:
        return await conn.fetchval("SELECT version_num FROM alembic_version")  # type: ignore[no-any-return]
    except asyncpg.UndefinedTableError:
        return None
    finally:
        await conn.close()


def prepare_database(settings: Settings) -> str:
    """Before serving: migrate (the default), or only check that the migration job ran.
    Returns the URL to serve with."""
    if settings.migrate_on_start:
        urls = migrate(settings)
        return urls.app
    if not settings.database_app_url:
        raise SchemaNotReady("MIGRATE_ON_START=false needs DATABASE_APP_URL (the app role's URL)")
    app_url = serving_url(settings)
    found = asyncio.run(_schema_revision(app_url))
    if _is_behind(found):
        raise SchemaNotReady(
            f"the database schema is at {found or 'nothing'}, older than this release's: "
            "run `platform-api migrate` (as the owner) first"
        )
    return app_url
