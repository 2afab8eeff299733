"""Errors that name the input they are about."""

from __future__ import annotations


class SaysoError(Exception):
    """Base class of sayso's own errors."""


class InputError(SaysoError):
    """An input that cannot be analysed; ``name`` says which one."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
