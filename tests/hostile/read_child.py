"""Read each hostile input in a child process under a memory cap; print one JSON line per
input (its items, errors and seconds). Run by tests/hostile/test_hostile.py:
``python tests/hostile/read_child.py FOLDER CAP_MB``."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _virtual_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def main(folder: str, cap_mb: int) -> None:
    from sayso.ingest.sources import read_sources

    # The cap is over what the imports already take: it bounds what reading adds.
    limit = _virtual_bytes() + cap_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for path in sorted(Path(folder).iterdir()):
        started = time.monotonic()
        articles, errors = 0, []
        for item in read_sources([str(path)]):
            if item.error is not None:
                errors.append(str(item.error)[:300])
            else:
                articles += 1
        seconds = time.monotonic() - started
        row = {"name": path.name, "articles": articles, "errors": errors, "seconds": seconds}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
