"""Fuzzing sayso: hypothesis strategies and checks shared with ``tests/properties``, a long
hypothesis campaign (``python -m fuzz.campaign``) and an atheris harness for the readers
(``python -m fuzz.atheris_readers``); and the runtime campaigns: kill -9 mid-ingest
(``python -m fuzz.crash``) and a full disk (``python -m fuzz.disk_full``). See
docs/reliability.md."""
