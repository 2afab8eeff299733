"""The script spark-submit runs: ``sayso batch --engine spark`` with the arguments given.

    script=$(python -c 'import sayso.batch.__main__ as m; print(m.__file__)')
    spark-submit --master yarn … "$script" /shared/CC-NEWS/2024/03/ --out hdfs:///sayso/2024-03

The master, the executors' Python and what they are shipped come from spark-submit's own
options (docs/batch.md has a recipe); ``python -m sayso.batch`` does the same without it.
"""

from __future__ import annotations

import sys

from sayso.cli import app


def main() -> None:
    app(["batch", "--engine", "spark", *sys.argv[1:]])


if __name__ == "__main__":
    main()
