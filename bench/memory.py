"""Memory of gunicorn's workers after every page was served: resident set
(RSS), the part shared with other processes (the code and files mapped
from disk, copy-on-write pages inherited from the master) and the private
part, from /proc/<pid>/smaps_rollup (Linux).
"""

from __future__ import annotations

from pathlib import Path

KIB = 1024


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        children.extend(int(child) for child in text.split())
    return children


def _rollup(pid: int) -> dict[str, int]:
    """Kilobytes by field of /proc/<pid>/smaps_rollup."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            fields[name.strip()] = int(parts[0])
    return fields


def worker_memory(master_pid: int) -> list[dict[str, float]]:
    """One entry per worker of the gunicorn master: MB resident, shared,
    private and proportional (PSS: shared pages split among their users)."""
    workers = []
    for pid in _children(master_pid):
        try:
            fields = _rollup(pid)
        except OSError:
            continue
        shared = fields.get("Shared_Clean", 0) + fields.get("Shared_Dirty", 0)
        private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        workers.append(
            {
                "pid": pid,
                "rss_mb": round(fields.get("Rss", 0) / KIB, 1),
                "shared_mb": round(shared / KIB, 1),
                "private_mb": round(private / KIB, 1),
                "pss_mb": round(fields.get("Pss", 0) / KIB, 1),
            }
        )
    return workers
