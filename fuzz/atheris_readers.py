"""Coverage-guided fuzzing of the readers with atheris (the ``fuzz`` extra):

    pip install -e '.[fuzz]' -c constraints.txt
    python -m fuzz.atheris_readers -max_total_time=300 [-rss_limit_mb=2048] [CORPUS_DIR]

The first byte of each input picks the reader (by file suffix), the rest is the file. A
crash is any exception other than a per-item InputError; libFuzzer stops on it and writes
the input to crash-*.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from fuzz import targets


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffixes = targets.READER_SUFFIXES
    targets.reader(data[1:], suffixes[data[0] % len(suffixes)])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
