"""MIGRATE_ON_START=false: API pods and workers run with the app role's credentials only.
They must not migrate, must not start an embedded server, and must refuse to start on a
schema the migration job has not brought to this release."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from platform_api import cli
from platform_api.app import create_app
from platform_api.core.db import DatabaseUrls
from platform_api.core.migrate import SchemaNotReady, prepare_database
from platform_api.settings import Settings, get_settings


def app_only(app_url: str, var_dir: Path) -> Settings:
    return Settings(migrate_on_start=False, database_app_url=app_url, var_dir=var_dir)


async def test_a_migrated_schema_is_served_with_the_app_role_alone(
    database: DatabaseUrls, tmp_path: Path
):
    settings = app_only(database.app, tmp_path)
    assert await asyncio.to_thread(prepare_database, settings) == database.app

    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            assert (await client.get("/readyz")).status_code == 200
    assert not (tmp_path / "pg").exists(), "no embedded server may be started"


@pytest.mark.parametrize(
    ("revision", "refused"),
    [(None, "schema is at nothing"), ("0001", "schema is at 0001"), ("9999_next_release", None)],
)
async def test_only_a_schema_behind_this_release_is_refused(
    admin_url: str,
    database: DatabaseUrls,
    tmp_path: Path,
    revision: str | None,
    refused: str | None,
):
    name = f"platform_unmigrated_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f"CREATE DATABASE {name}")
        target = make_url(database.app).set(database=name)
        if revision is not None:
            owner = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
            conn = await asyncpg.connect(owner)
            await conn.execute(
                f"""CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
                INSERT INTO alembic_version VALUES ('{revision}');
                GRANT SELECT ON alembic_version TO {target.username}"""
            )
            await conn.close()
        settings = app_only(target.render_as_string(hide_password=False), tmp_path)
        if refused is None:
            await asyncio.to_thread(prepare_database, settings)
        else:
            with pytest.raises(SchemaNotReady, match=f"{refused}.*platform-api migrate"):
                await asyncio.to_thread(prepare_database, settings)
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await admin.close()


def test_the_commands_refuse_to_start_without_the_app_url(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    monkeypatch.setenv("MIGRATE_ON_START", "false")
    monkeypatch.delenv("DATABASE_APP_URL", raising=False)
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert cli.main(["sweep-overdue"]) == 1
    finally:
        get_settings.cache_clear()
    assert "MIGRATE_ON_START=false needs DATABASE_APP_URL" in capsys.readouterr().err
    assert not (tmp_path / "pg").exists()
