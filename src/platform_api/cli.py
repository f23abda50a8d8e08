"""`platform-api serve | migrate | bootstrap | openapi`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import sys
from pathlib import Path

from fastapi import FastAPI

from platform_api.core.errors import Problem
from platform_api.core.logging import configure_logging
from platform_api.core.migrate import SchemaNotReady, migrate, prepare_database
from platform_api.settings import get_settings


def app_factory() -> FastAPI:
    """What uvicorn workers import: JSON logs, then the app."""
    from platform_api.app import create_app

    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)


def openapi_document() -> str:
    from platform_api.app import create_app

    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    # uvicorn re-raises SIGTERM after its graceful shutdown; with the default handler the
    # process would die without running exit hooks, leaving the embedded PostgreSQL
    # running. Exiting through SystemExit runs them, so the server stops cleanly.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    settings = get_settings()
    configure_logging(settings.log_level)
    # Workers reuse what the parent resolved (and keep the embedded server it started).
    os.environ["DATABASE_APP_URL"] = prepare_database(settings)
    uvicorn.run(
        "platform_api.cli:app_factory",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
    )
    return 0


def _migrate(_: argparse.Namespace) -> int:
    urls = migrate(get_settings())
    print(f"database is at the latest schema ({urls.owner.split('@')[-1]})")
    return 0


def _bootstrap(args: argparse.Namespace) -> int:
    import asyncpg

    from platform_api.tenants.service import bootstrap_operator

    urls = migrate(get_settings())

    async def run() -> dict[str, str]:
        conn = await asyncpg.connect(urls.owner)
        try:
            async with conn.transaction():
                client = await bootstrap_operator(conn)
        finally:
            await conn.close()
        return {"client_id": str(client.id), "client_secret": client.client_secret}

    try:
        credentials = asyncio.run(run())
    except Problem as exc:
        print(f"bootstrap refused: {exc.detail}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(credentials))
    else:
        print(f"operator client_id:     {credentials['client_id']}")
        print(f"operator client_secret: {credentials['client_secret']}  (shown once)")
    return 0


def _sweep_overdue(_: argparse.Namespace) -> int:
    from platform_api.core.db import Database, create_pool
    from platform_api.loans.accounts.service import sweep_overdue

    settings = get_settings()
    app_url = prepare_database(settings)

    async def run() -> int:
        pool = await create_pool(app_url, settings)
        try:
            return await sweep_overdue(Database(pool))
        finally:
            await pool.close()

    print(f"installment.overdue events emitted: {asyncio.run(run())}")
    return 0


def _worker(_: argparse.Namespace) -> int:
    """Deliver webhooks until SIGTERM or Ctrl-C; run as many as you like."""
    from platform_api.core.db import Database, create_pool
    from platform_api.webhooks.dispatcher import DispatchConfig, Dispatcher

    signal.signal(signal.SIGTERM, _exit_on_signal)
    settings = get_settings()
    configure_logging(settings.log_level)
    app_url = prepare_database(settings)

    async def run() -> None:
        pool = await create_pool(app_url, settings)
        try:
            await Dispatcher(Database(pool), DispatchConfig.from_settings(settings)).run()
        finally:
            await pool.close()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0


def _openapi(args: argparse.Namespace) -> int:
    document = openapi_document()
    if args.output == "-":
        sys.stdout.write(document)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(document)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="platform-api")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve", help="migrate (unless MIGRATE_ON_START=false), then serve HTTP"
    )
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "1")))
    serve.set_defaults(run=_serve)
    commands.add_parser("migrate", help="bring the database to the latest schema").set_defaults(
        run=_migrate
    )
    bootstrap = commands.add_parser("bootstrap", help="create the operator client (once)")
    bootstrap.add_argument("--json", action="store_true", help="print JSON")
    bootstrap.set_defaults(run=_bootstrap)
    commands.add_parser(
        "sweep-overdue", help="announce newly overdue installments (for cron)"
    ).set_defaults(run=_sweep_overdue)
    commands.add_parser(
        "worker", help="deliver webhooks (any number may run at once)"
    ).set_defaults(run=_worker)
    openapi = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--output", default="openapi/openapi.json")
    openapi.set_defaults(run=_openapi)
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except SchemaNotReady as exc:
        print(f"not starting: {exc}", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    raise SystemExit(main())
