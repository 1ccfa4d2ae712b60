"""``oars serve``, ``oars db upgrade`` and ``oars admin create``: running the clinic web app.

``oars serve`` migrates the database once, then starts uvicorn with the app factory, so every worker
process builds its own app from the same ``OARS_*`` settings (``OARS_THREADS`` defaults to 1 here). It
prints ``oars serve: ready at URL`` when the socket accepts connections (a test or a supervisor can wait
for that line; with ``--port 0`` the URL names the port the system chose). uvicorn's access log is off:
it would log raw URLs, and an invitation link in a URL is a secret; the app logs route templates instead.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import Annotated

import typer
import uvicorn
from pydantic import ValidationError
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors import Multiprocess

from oars.cli.app import app, fail
from oars.errors import OarsError

__all__ = ["admin_app", "db_app", "serve"]

db_app = typer.Typer(help="The database: bring its tables up to date.", no_args_is_help=True)
app.add_typer(db_app, name="db")
admin_app = typer.Typer(help="Accounts for the clinic web app.", no_args_is_help=True)
app.add_typer(admin_app, name="admin")

# uvicorn's own logging set-up, plus the app's request log ("oars.web"), applied in every worker process.
_LOGGING = {
    **LOGGING_CONFIG,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"formatter": "plain", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "oars": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: $OARS_DB, else SQLite in your data folder).")
]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port; 0 lets the system choose.")] = 8000,
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes (they share the database).")] = 1,
    proxy_headers: Annotated[
        bool, typer.Option(help="Trust X-Forwarded-For / -Proto from --forwarded-allow-ips (behind nginx).")
    ] = False,
    forwarded_allow_ips: Annotated[
        str, typer.Option(help="Proxies whose forwarded headers are trusted.")
    ] = "127.0.0.1",
) -> None:
    """Run the clinic web app (FastAPI + uvicorn) until interrupted."""
    if db is not None:
        os.environ["OARS_DB"] = db  # the workers read their settings from the environment
    settings = _settings()
    _upgrade(settings.db)
    os.environ["OARS_MIGRATE_ON_START"] = "false"  # done once here, not again in every worker
    # The coder model's ONNX session gets one thread per worker unless OARS_THREADS says otherwise: a server
    # runs several requests at once, and an intra-op pool beside them only spins (measured with 2 workers on
    # 2 cores: 59 ms of CPU per chat turn with the default pool, 35 ms with one thread).
    os.environ.setdefault("OARS_THREADS", "1")
    config = uvicorn.Config(
        "oars.web.main:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=_LOGGING,
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        timeout_worker_healthcheck=60,  # a worker loads the coder model before it answers; give it time
    )
    if workers == 1:
        _AnnouncingServer(config).run()
        return
    sock = config.bind_socket()
    # Listening now queues connections in the kernel until a worker (still loading its models) accepts
    # them, so "ready" is true at once; a bound socket that does not listen yet refuses them.
    sock.listen(config.backlog)
    _announce(host, sock)
    Multiprocess(config, sockets=[sock]).run()


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create the tables or bring them up to the newest revision (also done by ``oars serve``)."""
    from oars.store.database import database_url, describe

    revision = _upgrade(db)
    typer.echo(f"{describe(database_url(db))} is at revision {revision}")


@admin_app.command("create")
def admin_create(
    email: Annotated[str, typer.Option(prompt=True, help="The admin's e-mail address (their login).")],
    name: Annotated[str, typer.Option(help="How the admin is shown.")] = "Administrator",
    db: DbOption = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from the first line of standard input.")
    ] = False,
) -> None:
    """Create an admin account (the first one, or another). The password is asked for twice."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if db is not None:
        os.environ["OARS_DB"] = db
    from oars.web.accounts import Accounts
    from oars.web.backend import Backend
    from oars.web.security import Passwords

    settings = _settings()
    try:
        backend = Backend.open(settings)
        try:
            admin = Accounts(backend, Passwords.from_settings(settings)).create_admin(email, name, password)
        finally:
            backend.close()
    except OarsError as error:
        fail(str(error))
    typer.echo(f"Created admin {admin.email}. Log in at /login.")


def _settings():  # type: ignore[no-untyped-def]  # -> oars.web.Settings, imported lazily (FastAPI is heavy)
    from oars.web.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        fail("; ".join(str(e["msg"]).removeprefix("Value error, ") for e in error.errors()))


def _upgrade(db: str | None) -> str:
    from oars.store import upgrade

    try:
        return upgrade(db)
    except OarsError as error:
        fail(str(error), code=1)


def _announce(host: str, sock: socket.socket) -> None:
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    print(f"oars serve: ready at http://{shown}:{bound}/", flush=True)


class _AnnouncingServer(uvicorn.Server):
    """uvicorn's server, printing the URL once it listens (uvicorn's own log line varies between versions)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            _announce(self.config.host, self.servers[0].sockets[0])
