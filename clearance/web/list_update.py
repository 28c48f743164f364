"""'Update now' for admins: fetch the lists in a background thread, one dataset at a time,
so the page can show which dataset is done and which is running.

The progress lives in this process (one update at a time per instance); what each update
loaded is in the store and the audit log, which every instance shares.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from clearance.exc import ClearanceError
from clearance.store import audit
from clearance.store.db import utc_now

__all__ = ["ListUpdate"]


@dataclass
class ListUpdate:
    """The state of the running (or last) update."""

    started_by: str = ""
    started_at: str = ""
    datasets: list[str] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    current: str | None = None
    finished: bool = True
    _thread: threading.Thread | None = None

    def start(self, actor: str, mirror: str | None) -> bool:
        """Begin an update unless one is running; False when one already is."""
        from clearance.sources.fetch import OFFICIAL

        if not self.finished:
            return False
        self.started_by, self.started_at = actor, utc_now()
        self.datasets, self.results, self.current, self.finished = list(OFFICIAL), [], None, False
        audit.record(actor, "list.update_start", {"mirror": mirror, "datasets": self.datasets})
        self._thread = threading.Thread(target=self._run, args=(actor, mirror), daemon=True,
                                        name="list-update")
        self._thread.start()
        return True

    def _run(self, actor: str, mirror: str | None) -> None:
        from clearance.sources.fetch import update_lists

        try:
            for dataset in self.datasets:
                self.current = dataset
                try:
                    for r in update_lists(mirror=mirror, datasets=[dataset]):
                        self.results.append({
                            "dataset": r.dataset, "error": r.error, "skipped": r.skipped,
                            "version": None if r.version is None else r.version.version})
                except (ClearanceError, OSError) as exc:  # shown on the page, not raised
                    self.results.append({"dataset": dataset, "error": str(exc),
                                         "skipped": False, "version": None})
        finally:
            self.current, self.finished = None, True
            audit.record(actor, "list.update_done", {"results": self.results})
