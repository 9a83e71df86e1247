"""quote's own folders follow platformdirs' answer without importing it (issue 16).

``context._user_dir`` applies the XDG rule itself on Linux, because platformdirs costs 9 ms
of every start-up; these tests ask platformdirs the same question under the same environment
and require the same folder, so an update of platformdirs that changes its rule shows here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from quotecli import context
from quotecli.context import Environment

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule")

CASES = [
    {"HOME": "/home/ada"},
    {"HOME": "/home/ada/"},
    {"HOME": "/"},
    {"HOME": "/home/ada", "XDG_DATA_HOME": "/srv/d", "XDG_CONFIG_HOME": "/etc/x/",
     "XDG_CACHE_HOME": "/var/c"},
    {"HOME": "/home/ada", "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "relative/cfg",
     "XDG_CACHE_HOME": "~/c"},
]  # fmt: skip


@pytest.mark.parametrize("environ", CASES)
@pytest.mark.parametrize("kind", ["data", "config", "cache"])
def test_same_folder_as_platformdirs(monkeypatch, environ, kind):
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    for var, value in environ.items():
        monkeypatch.setenv(var, value)
    expected = Path(getattr(platformdirs, f"user_{kind}_dir")("quote", appauthor=False))
    assert context._user_dir(kind, dict(os.environ)) == str(expected)  # folders are strings


def test_environment_folders_and_config_file():
    env = Environment(environ={"HOME": "/home/ada", "XDG_CACHE_HOME": "/var/c"})
    assert env.home == "/home/ada/.local/share/quote"
    assert env.config_file == "/home/ada/.config/quote/config.toml"
    assert env.cache_dir == "/var/c/quote"
    private = Environment(environ={"HOME": "/home/ada", "QUOTE_HOME": "/tmp/q"})
    assert (private.home, private.cache_dir) == ("/tmp/q", "/tmp/q/cache")


def test_a_plain_search_does_not_import_platformdirs(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QUOTE_HOME"}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    code = (
        "import sys, runpy; sys.argv = ['quote', 'alternative à OpenAI'];\n"
        "try:\n runpy.run_module('quotecli', run_name='__main__')\n"
        "except SystemExit as exc:\n print(exc.code, 'platformdirs' in sys.modules,"
        " file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "Grâce à la puissance de distribution" in done.stdout
    assert done.stderr.split()[-2:] == ["0", "False"]
