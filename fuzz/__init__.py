"""Fuzzing sayso: hypothesis strategies and checks shared with ``tests/properties``, a long
hypothesis campaign (``python -m fuzz.campaign``) and an atheris harness for the readers
(``python -m fuzz.atheris_readers``). See docs/reliability.md."""
