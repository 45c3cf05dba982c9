"""Two app servers behind HAProxy, sharing PostgreSQL and Redis: signed-in
people work on while one app server is killed (SIGKILL to gunicorn's master
and workers, as a crashed machine). Sessions live in Redis, so the other
server knows everybody; HAProxy sends new requests there; only requests in
flight on the killed server fail. Afterwards the database holds every
acknowledged write, the workshop is not overbooked and the worker sends
every mail once. docs/operations.md has the figures."""

from __future__ import annotations

import os
import time

import pytest

from tests.operations import checks
from tests.operations.cluster import (
    REDIS_DB,
    admin_execute,
    app_servers,
    deliver_mail,
    flush_redis,
    fresh_database,
    load_balancer,
    production_environment,
    shared_postgres_url,
    wait_until_closed,
)
from tests.operations.workload import Workload
from tests.operations.world import CLIENTS

# One worker builds the template database for both (tests/conftest.py, loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("operations")]

ROUNDS_BEFORE_STOP = 4 * CLIENTS
ROUNDS_AFTER_STOP = 4 * CLIENTS


def test_losing_one_of_two_app_servers_loses_only_its_requests_in_flight(
    operations_template, tmp_path
):
    shared_url = shared_postgres_url()
    name = f"ikone_ops_two_{os.getpid()}"
    try:
        database_url = fresh_database(shared_url, operations_template, name)
        _run_and_check(database_url, operations_template, tmp_path)
    finally:
        admin_execute(shared_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run_and_check(database_url: str, operations_template, tmp_path) -> None:
    flush_redis(REDIS_DB["two_app_servers"])
    environment = production_environment(
        operations_template.data_dir, database_url, REDIS_DB["two_app_servers"]
    )
    environment["EMAIL_URL"] = f"file://{tmp_path / 'mail'}"
    world = operations_template.world
    with (
        app_servers(environment, 2, tmp_path) as servers,
        load_balancer(servers, tmp_path) as port,
    ):
        workload = Workload(port, world["draft"], world["sections"], CLIENTS)
        threads = workload.run()
        workload.wait_for_progress(ROUNDS_BEFORE_STOP)
        killed_at = time.monotonic()
        servers[0].kill()
        stopped_at = wait_until_closed(servers[0].port)
        workload.wait_for_progress(ROUNDS_BEFORE_STOP + ROUNDS_AFTER_STOP)
        workload.finish(threads)
    deliver_mail(environment)

    failed = [o for o in workload.log if o.failed]
    # In flight: sent before the killed server's port was closed.
    late = [o for o in failed if o.started > stopped_at]
    assert not late, f"requests sent after the stop failed: {late[:3]}"
    answered = [o for o in workload.log if not o.failed]
    before = {o.server for o in answered if o.ended < killed_at}
    after = {o.server for o in answered if o.started > stopped_at}
    assert before == {"app1", "app2"}, f"before the stop served by {before}"
    assert after == {"app2"}, f"after the stop served by {after}"
    checks.assert_nobody_signed_out(workload)
    acknowledged = checks.assert_acknowledged_writes_kept(database_url, workload)
    seats = checks.assert_not_overbooked(database_url, workload)
    mail_count = checks.assert_no_duplicate_mail(tmp_path / "mail", database_url)
    print(
        f"\ntwo app servers: {len(workload.log)} requests, {len(failed)} failed (all in flight"
        f" on app1 when it was killed; port closed {stopped_at - killed_at:.2f} s after the kill),"
        f" {acknowledged} acknowledged writes all kept,"
        f" registrations {dict(seats)}, {mail_count} mails, none twice"
    )
