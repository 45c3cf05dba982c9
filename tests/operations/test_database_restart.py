"""The database goes away under the workload and comes back. The shared
PostgreSQL server of the machine must not be restarted, so the test runs
its own (initdb/pg_ctl from Debian's postgresql package, a temporary
folder, a free loopback port), loads the template into it, and stops it
with `pg_ctl -m immediate` (as a crash: no checkpoint, WAL recovery at the
next start) for OUTAGE seconds.

Pass: while it is away every page answers 503 with the German "nicht
erreichbar" page within a second or two instead of hanging, /healthz says
503; once it is back, /healthz and the pages answer again within a few
seconds (persistent connections are checked before reuse,
CONN_HEALTH_CHECKS); every acknowledged write is in the database, no seat
overbooked, no mail twice, nobody signed out. docs/operations.md has the
figures."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import pytest

from tests.operations import checks
from tests.operations.cluster import (
    REDIS_DB,
    PrivatePostgres,
    app_servers,
    deliver_mail,
    flush_redis,
    get_status,
    load_balancer,
    production_environment,
    shared_postgres_url,
    with_database,
)
from tests.operations.workload import Workload
from tests.operations.world import CLIENTS

# One worker builds the template database for both (tests/conftest.py, loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("operations")]

OUTAGE = 5.0
RECOVERY_BUDGET = 5.0
# An answer slower than this during the outage counts as hanging.
OUTAGE_ANSWER_BUDGET = 2.0
ROUNDS_BEFORE_OUTAGE = 3 * CLIENTS
SECONDS_AFTER_RECOVERY = 5.0


@dataclass
class HealthProbe:
    """/healthz through the load balancer every 100 ms, as a monitor would."""

    port: int
    # (sent, answered, status)
    samples: list[tuple[float, float, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            sent = time.monotonic()
            try:
                status = get_status(self.port, "/healthz", timeout=OUTAGE_ANSWER_BUDGET * 5)
            except OSError:
                status = 0
            self.samples.append((sent, time.monotonic(), status))
            time.sleep(0.1)

    def first_ok_after(self, moment: float) -> float:
        """When the first check sent after `moment` answered 200."""
        return next(end for sent, end, status in self.samples if sent > moment and status == 200)


def test_database_restart_answers_503_and_recovers_by_itself(operations_template, tmp_path):
    shared_url = shared_postgres_url()
    postgres = PrivatePostgres()
    try:
        postgres.load(with_database(shared_url, operations_template.name))
        flush_redis(REDIS_DB["database_restart"])
        environment = production_environment(
            operations_template.data_dir, postgres.url, REDIS_DB["database_restart"]
        )
        environment["EMAIL_URL"] = f"file://{tmp_path / 'mail'}"
        world = operations_template.world
        with (
            app_servers(environment, 2, tmp_path) as servers,
            load_balancer(servers, tmp_path) as port,
        ):
            workload = Workload(port, world["draft"], world["sections"], CLIENTS, pause=0.2)
            threads = workload.run()
            probe = HealthProbe(port)
            workload.wait_for_progress(ROUNDS_BEFORE_OUTAGE)
            down_at = time.monotonic()
            postgres.stop("immediate")
            # Certainly away from here (pg_ctl has seen the server gone)
            # until the start begins; under load either step takes seconds.
            gone_at = time.monotonic()
            time.sleep(OUTAGE)
            starting_at = time.monotonic()
            postgres.start()
            up_at = time.monotonic()
            time.sleep(SECONDS_AFTER_RECOVERY)
            workload.finish(threads)
            probe.stop.set()
            probe.thread.join(timeout=30)
        deliver_mail(environment)
        recovered_at = probe.first_ok_after(up_at)
        _assert_outage_answered_503(workload, probe, gone_at, starting_at)
        failed_after = [o for o in workload.log if o.failed and o.started > recovered_at + 1]
        assert not failed_after, f"failures after the recovery: {failed_after[:3]}"
        checks.assert_nobody_signed_out(workload)
        acknowledged = checks.assert_acknowledged_writes_kept(postgres.url, workload)
        seats = checks.assert_not_overbooked(postgres.url, workload)
        mails = checks.assert_no_duplicate_mail(tmp_path / "mail", postgres.url)
    finally:
        postgres.remove()
    recovery = recovered_at - up_at
    failed = [o for o in workload.log if o.failed]
    slowest = max(o.ended - o.started for o in failed)
    print(
        f"\ndatabase restart: outage {up_at - down_at:.1f} s, /healthz 200 again"
        f" {recovery:.2f} s after the database was back; {len(workload.log)} requests,"
        f" {len(failed)} answered 503 (slowest {slowest:.2f} s),"
        f" {sum(o.status == 0 for o in failed)} without answer;"
        f" {acknowledged} acknowledged writes all kept,"
        f" registrations {dict(seats)}, {mails} mails, none twice"
    )
    assert recovery <= RECOVERY_BUDGET, f"recovered only after {recovery:.1f} s"


def _assert_outage_answered_503(workload, probe, gone_at: float, starting_at: float) -> None:
    """Requests wholly inside the outage: the German 503 page, quickly."""
    inside = [o for o in workload.log if o.started > gone_at and o.ended < starting_at]
    assert inside, "no request was sent while the database was away"
    for outcome in inside:
        assert outcome.status == 503, f"{outcome.method} {outcome.path}: {outcome.status}"
        assert "nicht erreichbar" in outcome.body, outcome.body[:300]
        assert outcome.ended - outcome.started < OUTAGE_ANSWER_BUDGET, (
            f"{outcome.path} took {outcome.ended - outcome.started:.1f} s during the outage"
        )
    health = [
        status for sent, end, status in probe.samples if gone_at < sent and end < starting_at
    ]
    assert health and set(health) == {503}, f"/healthz during the outage: {set(health)}"
