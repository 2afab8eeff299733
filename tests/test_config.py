"""Data locations come from ``SAYSO_DATA_DIR`` only, with an error naming it when unset."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.config import DATA_DIR_VARIABLE, ConfigError, data_dir


def test_data_dir_is_the_variable(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    assert data_dir() == tmp_path


@pytest.mark.parametrize("value", [None, "", "  "])
def test_an_unset_variable_is_an_error_naming_it(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(DATA_DIR_VARIABLE, value)
    with pytest.raises(ConfigError, match=DATA_DIR_VARIABLE):
        data_dir()


def test_commands_that_need_data_say_which_variable(monkeypatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    from sayso.cli import main

    with pytest.raises(SystemExit) as stopped:
        monkeypatch.setattr("sys.argv", ["sayso", "eval", "gap"])
        main()
    assert stopped.value.code == 2
    result = CliRunner().invoke(app, ["train", "resolver"])
    assert isinstance(result.exception, ConfigError)
    assert DATA_DIR_VARIABLE in str(result.exception)
