"""What a batch run did, for the command line's last line."""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.batch.tables import Record
from sayso.ingest.items import is_skip

MAX_ERRORS_KEPT = 200


@dataclass(slots=True)
class BatchReport:
    articles: int = 0
    failed: int = 0
    skipped: int = 0  # pages that are not articles (in the failures table, with the reason)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def count(self, record: Record) -> None:
        if record.analysis is not None:
            self.articles += 1
            return
        if is_skip(record.error):
            self.skipped += 1
            return
        self.failed += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(record.error or f"{record.key}: failed")

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.articles} analysed, {self.failed} failed"
            + (f", {self.skipped} skipped (not articles)" if self.skipped else "")
            + f"; done in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s)"
        )
