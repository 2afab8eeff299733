"""Where sayso finds what it is not shipped with: configuration from the environment only.

``SAYSO_DATA_DIR`` names the shared data folder (``polnear/``, ``polnear-speakers/``,
``gum/``, ``gap/``, ``ecbplus/``, ``wikinews/``, ``plover/``; each with its README), which
the evaluations, ``sayso train`` and the benchmarks read. Nothing in the package guesses
where it lies: the test command (``scripts/test.sh``) sets it to ``../shared/data`` when that
folder is beside the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

from sayso.errors import SaysoError

DATA_DIR_VARIABLE = "SAYSO_DATA_DIR"


class ConfigError(SaysoError):
    """Something sayso needs is not configured; the message says how to configure it."""


def data_dir() -> Path:
    """The shared data folder, from ``SAYSO_DATA_DIR``; a :class:`ConfigError` naming the
    variable when it is not set."""
    configured = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if not configured:
        raise ConfigError(
            f"{DATA_DIR_VARIABLE} is not set: set it to the shared data folder (the one "
            "holding polnear/, gum/, gap/, ecbplus/ …), e.g. "
            f"export {DATA_DIR_VARIABLE}=../shared/data"
        )
    return Path(configured).expanduser()
