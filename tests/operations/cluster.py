"""The pieces of a small IKONE installation that the operations tests start
themselves, all on loopback: a database made from a migrated template,
gunicorn app servers with production settings, HAProxy in front of them, the
task worker, and a private PostgreSQL server that a test may stop.

Every process is started in its own session so that stopping an app server
means stopping its master and its workers at once, as a crashed machine
would."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LOOPBACK = "127.0.0.1"
HOST_NAME = "ikone.test"
# Redis database numbers of the operations tests: apart from anything else
# on the machine's Redis (the project's own tests use none).
REDIS_DB = {"two_app_servers": 11, "database_restart": 12}
POSTGRES_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def shared_postgres_url() -> str:
    """The PostgreSQL server of the test run; the tests skip on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (the CI's second pass)")
    return url


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def admin_execute(url: str, *statements: str) -> None:
    """Statements that cannot run in a transaction (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def query(url: str, sql: str, *params: object) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as connection:
        return connection.execute(sql, params).fetchall()


def run_ikone(environment: dict[str, str], *arguments: str) -> str:
    result = subprocess.run(
        [str(BIN / "ikone"), *arguments],
        env=environment,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"ikone {arguments[0]} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def production_environment(
    data_dir: Path, database_url: str, redis_db: int | None = None
) -> dict[str, str]:
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(PROJECT_DIR / "src"), str(PROJECT_DIR)]),
        "DJANGO_SETTINGS_MODULE": "tests.operations.settings",
        "DEBUG": "false",
        "SECRET_KEY": "operations-test-" + "s" * 50,
        "ALLOWED_HOSTS": f"{HOST_NAME},{LOOPBACK}",
        "IKONE_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"file://{data_dir / 'mail'}",
        # HAProxy appends the client's address to X-Forwarded-For.
        "TRUSTED_PROXY_COUNT": "1",
    }
    environment.pop("REDIS_URL", None)
    if redis_db is not None:
        environment["REDIS_URL"] = f"redis://{LOOPBACK}:6379/{redis_db}"
    return environment


@dataclass
class Template:
    """A migrated database with the test world, copied for every test."""

    name: str
    data_dir: Path
    world: dict[str, Any]

    def save(self) -> None:
        saved = {"name": self.name, "world": self.world}
        (self.data_dir / "template.json").write_text(json.dumps(saved))

    @classmethod
    def load(cls, data_dir: Path) -> Template:
        saved = json.loads((data_dir / "template.json").read_text())
        return cls(name=saved["name"], data_dir=data_dir, world=saved["world"])


def build_template(shared_url: str, data_dir: Path) -> Template:
    name = f"ikone_ops_template_{os.getpid()}"
    admin_execute(shared_url, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    environment = production_environment(data_dir, with_database(shared_url, name))
    run_ikone(environment, "migrate", "--noinput", "-v0")
    run_ikone(environment, "collectstatic", "--noinput", "-v0")
    result = subprocess.run(
        [sys.executable, "-m", "tests.operations.world"],
        env=environment,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return Template(name=name, data_dir=data_dir, world=json.loads(result.stdout))


def fresh_database(shared_url: str, template: Template, name: str) -> str:
    admin_execute(
        shared_url,
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f'CREATE DATABASE "{name}" TEMPLATE "{template.name}"',
    )
    return with_database(shared_url, name)


# ---------------------------------------------------------------------------
# Processes


def get_status(port: int, path: str, timeout: float = 5) -> int:
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST_NAME, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wait_for(port: int, path: str = "/healthz", seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get_status(port, path) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"nothing answered 200 on port {port}{path} within {seconds} s")


class Service:
    """A process group started by a test; `kill` ends all of it at once."""

    def __init__(self, name: str, command: list[str], environment: dict[str, str], log: Path):
        self.name = name
        self.log = log
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command,
                env=environment,
                cwd=PROJECT_DIR,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self, sig: signal.Signals = signal.SIGKILL) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
        self.process.wait(timeout=30)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def wait_until_closed(port: int, seconds: float = 10) -> float:
    """The moment nothing accepts connections on `port` any more."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection((LOOPBACK, port), timeout=1).close()
        except OSError:
            return time.monotonic()
        time.sleep(0.01)
    raise AssertionError(f"port {port} still accepts connections after {seconds} s")


class AppServer(Service):
    """One gunicorn instance (2 sync workers) with production settings."""

    def __init__(self, name: str, environment: dict[str, str], log_dir: Path) -> None:
        self.port = free_port()
        command = [
            *[str(BIN / "gunicorn"), "-c", "python:ikone.gunicorn_conf", "ikone.wsgi"],
            *["--workers", "2"],
            *["--bind", f"{LOOPBACK}:{self.port}", "--timeout", "30", "--log-level", "warning"],
        ]
        super().__init__(name, command, environment, log_dir / f"{name}.log")


@contextmanager
def app_servers(
    environment: dict[str, str], count: int, log_dir: Path
) -> Iterator[list[AppServer]]:
    servers = [AppServer(f"app{number + 1}", environment, log_dir) for number in range(count)]
    try:
        for server in servers:
            wait_for(server.port)
        yield servers
    finally:
        for server in servers:
            server.kill(signal.SIGTERM)


HAPROXY_CONFIG = """\
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout queue 10s
    # A request that could not reach a server is sent to another one; a
    # request a server had accepted is never repeated (it may have written).
    retries 2
    option redispatch 1
    option forwardfor
frontend web
    bind {host}:{port}
    # TLS ends here in production; the app sees that the original was HTTPS.
    http-request set-header X-Forwarded-Proto https
    default_backend app
backend app
    balance roundrobin
    http-response set-header X-App-Server %s
    # A TCP check, not /healthz: while the database is away both servers
    # stay in, so visitors get IKONE's own 503 page rather than HAProxy's.
{servers}
"""


def haproxy_command() -> str:
    command = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(command).exists():
        pytest.fail("HAProxy is missing: .ci/run installs Debian's haproxy package")
    return command


@contextmanager
def load_balancer(app: list[AppServer], log_dir: Path) -> Iterator[int]:
    port = free_port()
    servers = "\n".join(
        f"    server {server.name} {LOOPBACK}:{server.port} check inter 300ms fall 1 rise 2"
        for server in app
    )
    config = log_dir / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(host=LOOPBACK, port=port, servers=servers))
    balancer = Service(
        "haproxy",
        [haproxy_command(), "-db", "-f", str(config)],
        dict(os.environ),
        log_dir / "haproxy.log",
    )
    try:
        wait_for(port)
        yield port
    finally:
        balancer.kill(signal.SIGTERM)


def deliver_mail(environment: dict[str, str]) -> None:
    """The task worker works off the queue once (the mails of the run)."""
    run_ikone(environment, "db_worker", "--batch", "--no-startup-delay")


# ---------------------------------------------------------------------------
# A private PostgreSQL server that a test may stop and start


class PrivatePostgres:
    """initdb/pg_ctl from Debian's postgresql package in a temporary folder,
    on a free loopback port. PostgreSQL refuses to run as root, so as root
    the server runs as the `postgres` user."""

    def __init__(self) -> None:
        if not POSTGRES_BIN:
            pytest.skip("needs the PostgreSQL server binaries (/usr/lib/postgresql/*/bin)")
        self.bin = POSTGRES_BIN[-1]
        self.root = Path(tempfile.mkdtemp(prefix="ikone-pg-"))
        self.port = free_port()
        self.data = self.root / "data"
        self.url = f"postgres://postgres@{LOOPBACK}:{self.port}/ikone"
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.start()
        admin_execute(self.url, "CREATE DATABASE ikone")

    def _run(self, tool: str, *arguments: str) -> None:
        command = [str(self.bin / tool), *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-h {LOOPBACK} -p {self.port} -k {self.root}"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self, mode: str = "immediate") -> None:
        """`immediate`: the server dies as in a crash (no checkpoint; WAL
        recovery at the next start)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def load(self, source_url: str) -> None:
        dump = subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", source_url],
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", self.url],
            input=dump.stdout,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def remove(self) -> None:
        with suppress(subprocess.CalledProcessError):
            self.stop("fast")
        shutil.rmtree(self.root, ignore_errors=True)


def flush_redis(database: int) -> None:
    import redis

    redis.Redis(host=LOOPBACK, port=6379, db=database).flushdb()
