"""The library on both backends (issue 15): the same commands, the same answers.

Every test taking ``backend`` runs twice: with the SQLite library in the private QUOTE_HOME
(conftest), and with a PostgreSQL library in a database of its own, copied from the
``$QUOTE_TEST_PG`` one (initialised with ``library init`` before the test, dropped after; skipped
when QUOTE_TEST_PG is unset — ``.ci/pg start DIR`` starts a throwaway cluster and prints the
URL). Real processes for what only processes show: twenty searches while an import runs, two
imports of the same file at once, an import killed with SIGKILL. A role that may only SELECT
searches and is refused, in one line, when it writes.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli import library
from quotecli.context import Environment
from quotecli.main import main
from quotecli.status import DataError
from tests.conftest import quote_env

PG = os.environ.get("QUOTE_TEST_PG")
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "import"
FORMATS = HERE.parents[1] / "shared" / "corpus" / "formats"
TABLES = sorted((HERE / "queries").glob("*.tsv"))
# A killed or slowed import: the test seam between staging and commit, in a real process.
SEAMED = (
    "import os, signal, sys, time\n"
    "from quotecli import library\n"
    "def seam():\n"
    "    if os.environ.get('SEAM_MARKER'):\n"
    "        open(os.environ['SEAM_MARKER'], 'w').close()\n"
    "    if os.environ.get('SEAM') == 'kill':\n"
    "        os.kill(os.getpid(), signal.SIGKILL)\n"
    "    time.sleep(float(os.environ.get('SEAM_SLEEP', '0')))\n"
    "library._before_commit = seam\n"
    "from quotecli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def with_path(url: str, database: str) -> str:
    """``url`` naming another database on the same server."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/{database}?{parts.query}"


def with_params(url: str, **params: str) -> str:
    """``url`` with query parameters added or replaced (libpq URIs take any keyword)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    # by hand: urlunsplit drops the "//" of an empty host (a Unix socket) for unknown schemes
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


@pytest.fixture
def pg():
    """A database of its own, copied from the QUOTE_TEST_PG one (which has the extensions),
    dropped after the test; ``admin`` is a superuser connection to it."""
    if not PG:
        pytest.skip("QUOTE_TEST_PG is not set (see .ci/pg)")
    psycopg = pytest.importorskip("psycopg")
    template = urlsplit(PG).path.lstrip("/")
    name = f"quote_t_{os.urandom(6).hex()}"
    server = psycopg.connect(with_path(PG, "postgres"), autocommit=True)
    server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    url = with_path(PG, name)
    admin = psycopg.connect(url, autocommit=True)
    try:
        yield SimpleNamespace(url=url, admin=admin)
    finally:
        admin.close()
        # the test's own library connections may not all be closed yet (providers are not)
        server.execute(f"DROP DATABASE {name} WITH (FORCE)")
        server.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, monkeypatch, _private_home):
    """The library the commands use: ``where`` is its folder or its URL."""
    if request.param == "sqlite":
        return SimpleNamespace(name="sqlite", where=_private_home, pg=None)
    db = request.getfixturevalue("pg")
    monkeypatch.setenv("QUOTE_LIBRARY", db.url)
    with library.connect(db.url) as lib:
        assert lib.init().before is None
    return SimpleNamespace(name="postgresql", where=db.url, pg=db)


def run(args, capsys):
    """``main`` as the shell runs it: (exit status, stdout, stderr)."""
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


def spawn(*args, **env) -> subprocess.Popen:
    """``quote ARGS`` in a process of its own, the import seam set by ``env`` (SEAM…)."""
    return subprocess.Popen(
        [sys.executable, "-c", SEAMED, *map(str, args)],
        env=quote_env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def snapshot(where) -> dict:
    """What the library holds: its catalogue rows and each transcript's text."""
    if not library.exists(where):
        return {}
    with library.connect(where) as lib:
        return {e.id: (e.to_json(), lib.load(e.id).text) for e in lib.entries()}


def test_import_sources_show_remove(backend, capsys):
    rc, out, err = run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)
    assert rc == 0, err
    assert out == f"imported radio (dialogue) from {FIXTURES / 'radio.txt'}\n"
    rc, out, _ = run(["sources"], capsys)
    assert "radio\tRadio X\tn.d.\t4 turns\tJournalist (interviewer), Jane Roe (interviewee)" in out
    rc, out, _ = run(["sources", "--json"], capsys)
    assert {json.loads(line)["id"] for line in out.splitlines()} == {
        "la-tribune-2024-02-ferrari",
        "radio",
    }
    rc, out, _ = run(["show", "radio"], capsys)
    assert "[2] Jane Roe (interviewee)\nWe will build the bridge next spring." in out
    rc, out, _ = run(["find", "build the bridge next spring", "--field", "speaker"], capsys)
    assert rc == 0 and "Jane Roe" in out
    rc, out, _ = run(["find", "build the bridge", "--source", "radio", "--json"], capsys)
    assert rc == 0 and json.loads(out)["matches"][0]["source"]["id"] == "radio"
    rc, out, _ = run(["remove", "radio"], capsys)
    assert rc == 0 and out == "removed radio\n"
    assert snapshot(backend.where) == {}
    rc, _, err = run(["remove", "radio"], capsys)
    assert rc == 2 and "not in the library" in err
    rc, _, err = run(["show", "radio"], capsys)
    assert rc == 2 and "no such source" in err


def test_reimport_is_refused_unless_force(backend, capsys):
    args = ["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"]
    assert run(args, capsys)[0] == 0
    before = snapshot(backend.where)
    rc, out, err = run([*args[:-1], "Radio Y"], capsys)
    assert rc == 2 and out == ""
    assert "radio is already in the library (pass --force to replace)" in err
    assert snapshot(backend.where) == before
    assert run([*args[:-1], "Radio Y", "--force"], capsys)[0] == 0
    assert snapshot(backend.where)["radio"][0]["outlet"] == "Radio Y"


def test_issue12_the_same_text_under_a_new_id_is_refused_unless_force(backend, tmp_path, capsys):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    before = snapshot(backend.where)
    # the same interview again: another name, other options, other line endings and widths
    again = tmp_path / "radio-again.txt"
    again.write_bytes((FIXTURES / "radio.txt").read_bytes().replace(b"\n", b"\r\n"))
    rc, out, err = run(["import", str(again), "--outlet", "Radio Y", "--date", "2024"], capsys)
    assert rc == 2 and out == ""
    assert err.splitlines()[0] == (
        f"quote: error: {again}: radio-again: the same text as radio, already in the library"
        " (pass --force to import it as well)"
    )
    assert snapshot(backend.where) == before
    # one word changed is other content
    changed = tmp_path / "radio-changed.txt"
    changed.write_text((FIXTURES / "radio.txt").read_text().replace("spring", "summer"))
    assert run(["import", str(changed), "--outlet", "Radio X"], capsys)[0] == 0
    rc, out, err = run(["import", str(again), "--outlet", "Radio Y", "--force"], capsys)
    assert rc == 0, err
    assert set(snapshot(backend.where)) == {"radio", "radio-again", "radio-changed"}
    # two files of one import with the same text: the second is refused, the first goes in
    pair = tmp_path / "pair"
    pair.mkdir()
    for name in ("a.md", "b.md"):
        (pair / name).write_bytes((FIXTURES / "podcast.md").read_bytes())
    rc, out, err = run(["import", str(pair)], capsys)
    assert rc == 2 and out.splitlines() == [f"imported a (markdown) from {pair / 'a.md'}"]
    assert "b: the same text as a, imported from another file (pass --force" in err
    # the library refuses it too, whoever calls it
    with library.connect(backend.where) as lib:
        source = lib.load("radio")
        item = library.Item("radio-3", source.text.replace('id = "radio"', 'id = "radio-3"'))
        with pytest.raises(library.LibraryError, match="the same text as radio"):
            lib.add([item])


def _downgrade(backend, to: int) -> None:
    """Make the library the schema version ``to`` left it: before 3, no stored layouts nor
    vocabulary; before 2, no digest column either."""
    if backend.name == "sqlite":
        with sqlite3.connect(backend.where / "library.sqlite") as db:
            db.execute("DROP TABLE layouts")
            db.execute("DROP TABLE vocabulary")
            if to < 2:
                db.execute("DROP INDEX sources_digest")
                db.execute("ALTER TABLE sources DROP COLUMN digest")
            db.execute(f"PRAGMA user_version = {to}")
    else:
        admin = backend.pg.admin
        if to == 4:  # every pair of each transcript, as version 4 kept them
            from quotecli.library import pg_schema

            with library.connect(backend.where) as lib:
                laid = {e.id: lib.load_index(e.id).words for e in lib.entries()}
            for source_id, words in laid.items():
                admin.execute(
                    "UPDATE sources SET pairs = array_to_tsvector(%s::text[]) WHERE id = %s",
                    (pg_schema.pairs(list(words)), source_id),
                )
            admin.execute("UPDATE schema_version SET version = 4")
            return
        admin.execute("ALTER TABLE sources DROP COLUMN pairs")  # and sources_unpaired
        admin.execute("DROP INDEX sources_shortest")
        if to == 3:
            admin.execute("UPDATE schema_version SET version = 3")
            return
        admin.execute("ALTER TABLE sources DROP COLUMN layout, DROP COLUMN layout_version")
        admin.execute("DROP INDEX lexemes_bytes")
        admin.execute("CREATE INDEX lexemes_trgm ON lexemes USING gin (word gin_trgm_ops)")
        if to < 2:
            admin.execute("DROP INDEX sources_digest")
            admin.execute("ALTER TABLE sources DROP COLUMN digest")
        admin.execute("UPDATE schema_version SET version = %s", (to,))


@pytest.mark.parametrize("old", [1, 2, 3, 4])
def test_issue15_an_older_library_is_migrated_in_order(backend, old, capsys):
    """Version 2 (digests, issue 12), 3 (stored layouts and vocabulary, issue 15), then on
    PostgreSQL 4 (word pairs) and 5 (the least pair of every window), in order: the digests
    are filled, the layouts made, the pairs made from each row's stored layout, and the
    answers and refusals kept."""
    if old >= 3 and backend.name == "sqlite":
        pytest.skip("SQLite's schema stops at version 3")
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    rc, before, _ = run(["find", "--json", "build the brigde next spring"], capsys)
    assert rc == 0
    rc, exact, _ = run(["find", "--json", "build the bridge next spring"], capsys)
    assert rc == 0 and '"found":true' in exact
    _downgrade(backend, old)
    now = _version(backend.name)
    if backend.name == "postgresql":
        rc, _, err = run(["sources"], capsys)
        assert rc == 2 and f"schema version {old}, older than this quote's ({now})" in err
    rc, out, _ = run(["library", "init"], capsys)
    assert rc == 0 and f"schema migrated from version {old} to {now}" in out, out
    assert _stale(backend) == 0
    assert run(["find", "--json", "build the brigde next spring"], capsys)[:2] == (0, before)
    assert run(["find", "--json", "build the bridge next spring"], capsys)[:2] == (0, exact)
    if backend.name == "postgresql":  # the phrase is found through the pairs the migration made
        with library.connect(backend.where) as lib:
            assert lib.candidates(["build", "the", "bridge", "next", "spring"]) == ["radio"]
            from quotecli.library import pg_schema

            need = pg_schema.needed(["build", "the", "bridge", "next", "spring"])
            assert need
            row = backend.pg.admin.execute(
                "SELECT pairs @@ %s::tsquery, length(pairs) > 10 FROM sources WHERE id = 'radio'",
                (" & ".join(sorted(need)),),
            ).fetchone()
            assert row == (True, True)
            words = list(lib.load_index("radio").words)
            kept = sorted(pg_schema.kept(words))
            assert len(kept) < len(set(pg_schema.pairs(words)))  # the least of each window
            row = backend.pg.admin.execute(
                "SELECT pairs = array_to_tsvector(%s::text[]) FROM sources WHERE id = 'radio'",
                (kept,),
            ).fetchone()
            assert row == (True,)
            # a phrase whose words the source holds out of order is not a phrase there
            assert lib.engine().phrases([("bridge", "the", "build")], 8) == []
    rc, _, err = run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Y", "--id", "r2"], capsys)
    assert rc == 2 and "r2: the same text as radio, already in the library" in err


UNNAMED_VTT = """WEBVTT

00:00:01.000 --> 00:00:03.000
Welcome back to the show.

00:00:03.000 --> 00:00:05.000
[Ann Host]: Today we talk about bridges.

00:00:05.000 --> 00:00:08.000
>> And about the roads that lead to them.
"""


def test_issue12_sources_says_how_many_turns_are_unattributed(backend, tmp_path, capsys):
    cues = tmp_path / "cues.vtt"
    cues.write_text(UNNAMED_VTT)
    rc, _, err = run(["import", str(cues), "--outlet", "Cast", "--language", "en"], capsys)
    assert rc == 0, err
    shown = run(["show", "cues"], capsys)[1]
    assert shown.count("(unattributed)") - shown.count("speaker unattributed:") == 2
    rc, out, _ = run(["sources"], capsys)
    assert "cues\tCast\tn.d.\t3 turns (2 unattributed)\t" in out
    assert "radio" not in out
    rows = {r["id"]: r for r in map(json.loads, run(["sources", "--json"], capsys)[1].splitlines())}
    assert rows["cues"]["unattributed"] == 2 and rows["cues"]["turns"] == 3
    assert rows["la-tribune-2024-02-ferrari"]["unattributed"] == 0
    assert {s["name"]: s["turns"] for s in rows["cues"]["speakers"]} == {
        "Unattributed": 2, "Ann Host": 1,
    }  # fmt: skip
    # a row catalogued before speakers' turns were counted: the transcript is read instead
    old = json.dumps(
        [{k: v for k, v in s.items() if k != "turns"} for s in rows["cues"]["speakers"]]
    )
    if backend.name == "sqlite":
        with sqlite3.connect(backend.where / "library.sqlite") as db:
            db.execute("UPDATE sources SET speakers = ?", (old,))
    else:
        backend.pg.admin.execute("UPDATE sources SET speakers = %s", (old,))
    assert "3 turns (2 unattributed)" in run(["sources"], capsys)[1]
    row = json.loads(run(["sources", "--json"], capsys)[1].splitlines()[-1])
    assert row["unattributed"] == 2 and row["speakers"][0]["turns"] is None


def test_an_import_is_all_or_nothing(backend, capsys, monkeypatch):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    before = snapshot(backend.where)

    def boom():
        raise KeyboardInterrupt

    monkeypatch.setattr(library, "_before_commit", boom)
    rc, _, _ = run(["import", str(FIXTURES / "podcast.md"), str(FIXTURES / "radio.txt"),
                    "--outlet", "Radio Z", "--force"], capsys)  # fmt: skip
    assert rc == 130
    assert snapshot(backend.where) == before


def _version(name: str) -> int:
    from quotecli.library import index, postgres

    return postgres.SCHEMA_VERSION if name == "postgresql" else index.SCHEMA_VERSION


def test_library_init_creates_then_says_up_to_date(backend, capsys):
    rc, out, _ = run(["library", "init"], capsys)
    assert rc == 0
    v = _version(backend.name)
    if backend.name == "postgresql":  # the fixture created it
        assert out.startswith("library ready: postgresql database ")
        assert out.endswith(f", schema version {v}, up to date\n")
    else:
        assert out.endswith(f", schema version {v} created\n")
        assert run(["library", "init"], capsys)[1].endswith(f"schema version {v}, up to date\n")
    assert "postgresql://" not in out  # the URL (and any password in it) is never printed


def test_a_newer_schema_is_refused_in_one_line(backend, capsys):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    if backend.name == "sqlite":
        with sqlite3.connect(backend.where / "library.sqlite") as db:
            db.execute("PRAGMA user_version = 99")
    else:
        backend.pg.admin.execute("UPDATE schema_version SET version = 99")
    for args in (["sources"], ["library", "init"], ["find", "build the bridge"],
                 ["import", str(FIXTURES / "podcast.md")], ["remove", "radio"]):  # fmt: skip
        rc, out, err = run(args, capsys)
        assert rc == 2 and out == "", args
        assert err.count("\n") == 1 and err.startswith("quote: error: the library "), err
        v = _version(backend.name)
        assert f"has schema version 99, newer than this quote knows ({v}): upgrade quote" in err


def test_a_database_without_the_schema_asks_for_init(pg, monkeypatch, capsys):
    monkeypatch.setenv("QUOTE_LIBRARY", pg.url)
    for args in (
        ["sources"],
        ["find", "alternative à OpenAI"],
        ["import", str(FIXTURES / "radio.txt")],
    ):
        rc, out, err = run(args, capsys)
        assert rc == 2 and out == "" and err.count("\n") == 1, (args, err)
        assert "has no quote schema yet: run 'quote library init'" in err
    rc, out, _ = run(["library", "init"], capsys)
    assert rc == 0 and out.endswith(f"schema version {_version('postgresql')} created\n")
    assert run(["sources"], capsys)[0] == 0


def test_the_config_file_names_the_library(pg, _private_home, capsys):
    (_private_home / "config.toml").write_text(f'library = "{pg.url}"\n')
    rc, out, _ = run(["library", "init"], capsys)
    assert rc == 0 and "postgresql database" in out
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    assert not (_private_home / "library.sqlite").exists()
    assert snapshot(pg.url).keys() == {"radio"}


def test_where_the_library_is_decided(tmp_path):
    home = {"QUOTE_HOME": str(tmp_path)}
    assert Environment(environ=home).library == str(tmp_path)
    (tmp_path / "config.toml").write_text("library = [not toml")
    url = "postgresql://reader@db.example.org/newsroom"
    # QUOTE_LIBRARY wins, and the config file is then not even read
    assert Environment(environ={**home, "QUOTE_LIBRARY": url}).library == url
    with pytest.raises(DataError, match="config.toml: not a valid TOML file"):
        Environment(environ=home).library  # noqa: B018
    (tmp_path / "config.toml").write_text('library = "sqlite:///secret@x"\n')
    with pytest.raises(DataError, match="the library must be a postgresql:// URL") as exc:
        Environment(environ=home).library  # noqa: B018
    assert "secret" not in str(exc.value)
    (tmp_path / "config.toml").write_text('other = "x"\n')
    assert Environment(environ=home).library == str(tmp_path)


def test_a_plain_search_does_not_load_the_driver(capsys):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    code = (
        "import sys, io, contextlib; from quotecli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): rc = main(['build the bridge'])\n"
        "print(rc, sorted(m for m in sys.modules if m.startswith(('psycopg', "
        "'quotecli.library.postgres'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=quote_env(), timeout=60)  # fmt: skip
    assert out.stdout.strip() == "0 []", out.stderr


# --- the same answers ------------------------------------------------------------------------


def _phrases() -> list[str]:
    out = []
    for table in TABLES:
        with table.open(encoding="utf-8") as f:
            out += [row["query"] for row in csv.DictReader(f, delimiter="\t")]
    return out + [
        "build the bridge next spring", "buld the brigde nxt spring", "why do quotes go wrong",
        "the Diggers of 1916", "la clause de conscience", "hey, let's do a podcast instead",
    ]  # fmt: skip


def _answers(where) -> list[dict]:
    from quotecli.search import Searcher

    searcher = Searcher(library.provider(where))
    out = []
    for phrase in _phrases():
        answer = searcher.search(phrase).to_json()
        for m in answer["matches"]:
            m["source"].pop("path")  # a file in one, a row in the other
        out.append(answer)
    return out


def _library_files() -> list[list[str]]:
    runs = [[str(FIXTURES / "radio.txt"), str(FIXTURES / "podcast.md"), "--outlet", "Radio X"]]
    if FORMATS.is_dir():
        runs += [[str(FORMATS / n)] for n in ("transcript-40598.xml", "20130129.xml")]
        runs += [[str(FORMATS / "E100.mp3.vtt"), "--outlet", "The Seen and the Unseen",
                  "--date", "2019"]]  # fmt: skip
    return runs


@pytest.mark.slow
def test_the_same_answers_on_both_backends(pg, _private_home, monkeypatch, capsys):
    """The bundled query tables, and a few phrases of the library's own, over a small library
    imported into each backend: every answer identical, key for key."""
    for args in _library_files():
        assert run(["import", *args], capsys)[0] == 0
    monkeypatch.setenv("QUOTE_LIBRARY", pg.url)
    assert run(["library", "init"], capsys)[0] == 0
    for args in _library_files():
        assert run(["import", *args], capsys)[0] == 0
    assert {k: v[0] for k, v in snapshot(pg.url).items()} == {
        k: v[0] for k, v in snapshot(_private_home).items()
    }
    sqlite_answers, pg_answers = _answers(_private_home), _answers(pg.url)
    for phrase, a, b in zip(_phrases(), sqlite_answers, pg_answers, strict=True):
        assert a == b, phrase
    assert sum(a["found"] for a in pg_answers) > len(pg_answers) // 2


# --- real processes --------------------------------------------------------------------------


@pytest.mark.subprocess
def test_twenty_searches_while_an_import_runs(backend, tmp_path, capsys):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    assert run(["build the bridge next spring"], capsys)[0] == 0  # the citation cached, as usual
    marker = tmp_path / "importing"
    importer = spawn("import", FIXTURES / "podcast.md", SEAM_MARKER=marker, SEAM_SLEEP="4")
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), importer.communicate()
    started = time.monotonic()
    searches = [spawn("--json", "build the bridge next spring") for _ in range(20)]
    results = [(p.wait(60), *p.communicate()) for p in searches]
    searched = time.monotonic() - started
    running = importer.poll() is None
    out, err = importer.communicate(timeout=60)
    assert importer.returncode == 0, err
    for rc, out, err in results:
        assert rc == 0 and err == "", err
        assert json.loads(out)["matches"][0]["source"]["id"] == "radio"
    assert running or searched > 3.5, "the import was over before the searches were"
    assert snapshot(backend.where).keys() == {"radio", "podcast"}


@pytest.mark.subprocess
def test_two_imports_of_the_same_file_at_once(backend):
    args = ("import", FIXTURES / "radio.txt", "--outlet", "Radio X", "--date", "2024")
    first, second = spawn(*args, SEAM_SLEEP="1.5"), spawn(*args, SEAM_SLEEP="1.5")
    done = [(p.wait(60), *p.communicate()) for p in (first, second)]
    assert sorted(rc for rc, _, _ in done) == [0, 2], done
    (_, _, err), = [d for d in done if d[0] == 2]  # fmt: skip
    errors = [line for line in err.splitlines() if line.startswith("quote: error:")]
    assert len(errors) == 1 and "radio" in errors[0] and "already in the library" in errors[0]
    assert snapshot(backend.where).keys() == {"radio"}
    if backend.name == "sqlite":
        assert [p.name for p in (backend.where / "transcripts").iterdir()] == ["radio.quote.txt"]
        assert not any((backend.where / "staging").iterdir())


@pytest.mark.subprocess
def test_sigkill_mid_import_leaves_a_consistent_library(backend, capsys):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    before = snapshot(backend.where)
    killed = spawn("import", FIXTURES / "podcast.md", FIXTURES / "radio.txt",
                   "--outlet", "Radio K", "--force", SEAM="kill")  # fmt: skip
    killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert snapshot(backend.where) == before
    listed = subprocess.run([sys.executable, "-m", "quotecli", "sources"], env=quote_env(),
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert listed.returncode == 0 and "Radio K" not in listed.stdout
    assert "podcast" not in listed.stdout
    if backend.name == "sqlite":
        assert not any((backend.where / "staging").iterdir())
    # and the library takes the next import as if nothing had happened
    again = spawn("import", FIXTURES / "podcast.md")
    assert again.wait(60) == 0, again.communicate()
    assert snapshot(backend.where).keys() == {"radio", "podcast"}


# --- a role that may only read ---------------------------------------------------------------


def test_a_read_only_role_searches_and_is_refused_in_one_line(pg, monkeypatch, capsys):
    monkeypatch.setenv("QUOTE_LIBRARY", pg.url)
    assert run(["library", "init"], capsys)[0] == 0
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    role = f"reader_{os.urandom(4).hex()}"
    pg.admin.execute(f"CREATE ROLE {role} LOGIN")
    try:
        pg.admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        monkeypatch.setenv("QUOTE_LIBRARY", with_params(pg.url, user=role))
        assert run(["sources"], capsys)[1].count("radio") == 1
        rc, out, _ = run(["find", "build the bridge next spring", "--field", "speaker"], capsys)
        assert rc == 0 and "Jane Roe" in out
        assert run(["show", "radio"], capsys)[0] == 0
        assert run(["library", "init"], capsys)[1].endswith("up to date\n")
        refused = [
            ["import", str(FIXTURES / "podcast.md")],
            ["remove", "radio"],
            ["import", str(FIXTURES / "radio.txt"), "--outlet", "Y", "--date", "2024", "--force"],
        ]
        for args in refused:
            rc, out, err = run(args, capsys)
            assert rc == 2 and out == "", args
            assert err.count("\n") == 1 and "may only read" in err, err
            assert "permission denied" in err
    finally:
        pg.admin.execute(f"DROP OWNED BY {role}")
        pg.admin.execute(f"DROP ROLE {role}")
    assert snapshot(pg.url).keys() == {"radio"}


# --- PostgreSQL's own ------------------------------------------------------------------------


def test_a_typo_still_finds_its_source(backend, capsys):
    """Issue 15: a word typed with a typo tries the vocabulary's words it may be a typo of
    (the matcher's rule), on both backends alike."""
    args = ["import", str(FIXTURES / "radio.txt"), str(FIXTURES / "podcast.md"), "--outlet", "X"]
    assert run(args, capsys)[0] == 0
    with library.connect(backend.where) as lib:
        assert lib.candidates(["brigde"]) == ["radio"]
        assert lib.candidates(["the", "brigde", "next", "sprng"]) == ["radio"]
        assert lib.candidates(["memroy", "anyway"]) == ["podcast"]
        # the "any word" step takes words as typed
        assert lib.candidates(["brigde", "memroy"]) == []
        assert lib.candidates(["zzzzzz"]) == []
        assert lib.candidates([]) == []


def test_a_typo_the_library_holds_as_a_word_leaves_the_phrase_in_order(backend, tmp_path, capsys):
    """Issue 15: in a large library a typo is often some OCR'd page's word ("brigde" below),
    so no word of the phrase is unknown; the phrase with a gap where it stands still finds the
    transcript holding the other words in order, ahead of a shorter one that holds them all
    scattered (blind-9's "Greg Norman is a great Austrailan" over 100,000 transcripts)."""
    scattered = tmp_path / "ocr.txt"
    scattered.write_text("JOURNALIST: And then?\n\nJOHN DOE: Next spring we build a brigde.\n")
    args = ["import", str(FIXTURES / "radio.txt"), str(scattered), "--outlet", "X"]
    assert run([*args, "--language", "en"], capsys)[0] == 0
    with library.connect(backend.where) as lib:
        assert lib.candidates(["brigde"])[0] == "ocr"  # the typo is a word the library holds
        typed = ["we", "will", "build", "the", "brigde", "next", "spring"]
        assert lib.candidates(typed, limit=1) == ["radio"]
        # a gap keeps a run of four words: shorter phrases go on to "every content word"
        assert lib.candidates(["build", "the", "brigde", "next"], limit=1) == ["ocr"]
    rc, out, _ = run(["find", "we will build the brigde next spring", "--field", "speaker"], capsys)
    assert rc == 0 and out.startswith("Jane Roe"), out


def _stale(backend) -> int:
    """How many sources have no current stored layout."""
    from quotecli.library import index
    from quotecli.matching import layout

    if backend.name == "sqlite":
        with library.Library(backend.where) as lib:
            return len(index.stale(lib.db))
    row = backend.pg.admin.execute(
        "SELECT count(*) FROM sources WHERE layout_version IS DISTINCT FROM %s", (layout.VERSION,)
    ).fetchone()
    return row[0]


def test_layouts_are_stored_at_import_and_made_again_by_init(backend, capsys):
    """Issue 16 item 2: a query folds only the phrase; layouts of other folding rules are not
    used (the same answers, computed from the text) and ``library init`` makes them again."""
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    assert _stale(backend) == 0
    with library.connect(backend.where) as lib:
        source = lib.load("radio")
        kept = lib.load_index("radio")
    assert kept.words == library.SourceIndex(source).words
    rc, before, _ = run(["find", "--json", "build the brigde next spring"], capsys)
    assert rc == 0
    if backend.name == "sqlite":
        with sqlite3.connect(backend.where / "library.sqlite") as db:
            db.execute("UPDATE layouts SET version = 0")
    else:
        backend.pg.admin.execute("UPDATE sources SET layout_version = 0")
    assert _stale(backend) == 1
    assert run(["find", "--json", "build the brigde next spring"], capsys)[:2] == (rc, before)
    rc, out, _ = run(["library", "init"], capsys)
    assert rc == 0 and out.endswith("up to date; 1 stored layouts made again\n"), out
    assert _stale(backend) == 0
    assert run(["find", "--json", "build the brigde next spring"], capsys)[:2] == (rc, before)


def test_an_unreachable_database_is_one_line(monkeypatch, tmp_path, capsys):
    pytest.importorskip("psycopg")
    monkeypatch.setenv("QUOTE_LIBRARY", f"postgresql:///quote?host={tmp_path}")
    for args in (["sources"], ["alternative à OpenAI"], ["library", "init"]):
        rc, out, err = run(args, capsys)
        assert rc == 2 and out == "" and err.count("\n") == 1, (args, err)
        assert err.startswith("quote: error: cannot use the library database: "), err


def test_without_the_driver_the_way_to_get_it_is_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    monkeypatch.setenv("QUOTE_LIBRARY", "postgresql://db.example.org/newsroom")
    rc, out, err = run(["sources"], capsys)
    assert rc == 2 and out == ""
    assert err == (
        "quote: error: the library is a PostgreSQL database, but psycopg is not installed: "
        "pip install 'quotecli[postgres]'\n"
    )


def test_check_reads_the_library_on_both_backends(backend, tmp_path, capsys):
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    draft = tmp_path / "draft.md"
    draft.write_text("“We will build the bridge next spring,” said Jane Roe.\n")
    rc, out, err = run(["check", str(draft), "--json"], capsys)
    assert rc == 0, (out, err)
    verdicts = [json.loads(line) for line in out.splitlines()]
    assert verdicts[0]["verdict"] == "verbatim", verdicts[0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sets(st.integers(0, 5), max_size=6), min_size=0, max_size=40),
    st.lists(st.integers(0, 4), min_size=1, max_size=6),
    st.integers(1, 9),
    st.booleans(),
)
def test_issue15_ranking_by_the_rarest_terms_first_is_the_whole_ranking(
    docs, small, limit, by_counts
):
    """``backend.rarest``: the first round that is ``settled`` gives the same top ``limit`` as
    ranking every source holding any term (by summed weights, then length, then id), with the
    library's weights or with small ones that tie often."""
    from quotecli.library import backend as policy

    n = len(small)
    terms = list(range(n))
    holding = [sum(t in d for d in docs) for t in terms]
    weights = policy.weights(len(docs), holding) if by_counts else small

    def ranked(among: set[int] | None) -> list[tuple[int, int]]:
        rows = []
        for i, d in enumerate(docs):
            held = [t for t in terms if t in d]
            if held and (among is None or among & set(held)):
                rows.append((-sum(weights[t] for t in held), len(d), i))
        return [(i, -s) for s, _, i in sorted(rows)[:limit]]

    whole = ranked(None)
    rounds = policy.rarest(weights)
    assert len(rounds) == n and rounds[-1].bound == 0
    for k, round_ in enumerate(rounds):
        last = k == len(rounds) - 1
        got = ranked(None if last else set(round_.rare))
        if policy.settled([s for _, s in got], round_, limit, last):
            assert got == whole
            break
    else:
        raise AssertionError("no round settled")


def test_issue15_a_large_batch_is_laid_out_by_workers_with_the_same_answers(backend, capsys):
    """``workers.POOL_FROM`` transcripts in one ``add``: their layouts come from worker
    processes, and each is found as one imported alone is."""
    from quotecli import readers
    from quotecli.library import workers

    base = (FIXTURES / "radio.txt").read_text(encoding="utf-8")
    items = []
    for i in range(workers.POOL_FROM):
        text = base + f"\nJANE ROE: Bridge number {i} opens in the year {1900 + i}.\n"
        got = readers.convert(text.encode(), f"r{i}.txt", options={"outlet": "Radio X"})
        items.append(library.Item(f"r{i}", got.text, got.format, got.source))
    with library.connect(backend.where) as lib:
        lib.add(items)
    rc, out, _ = run(["find", "--json", "Bridge number 37 opens in the year 1937"], capsys)
    assert rc == 0 and '"found":true' in out and '"r37"' in out
    rc, out, _ = run(["find", "--json", "Bridge number 37 opens in the year 1938"], capsys)
    assert rc == 1  # a changed year is not found
    from quotecli.matching.index import SourceIndex

    with library.connect(backend.where) as lib:
        assert lib.load_index("r5").words == SourceIndex(lib.load("r5")).words


def test_issue15_a_transcript_too_long_for_its_pairs_is_found_by_positions(
    backend, capsys, monkeypatch
):
    """PostgreSQL: a transcript with more word pairs than a tsvector holds keeps none (NULL)
    and is checked by its positions alone; the phrase is found all the same."""
    if backend.name != "postgresql":
        pytest.skip("word pairs are the PostgreSQL library's")
    from quotecli.library import pg_schema

    monkeypatch.setattr(pg_schema, "MAX_PAIRS", 3)
    assert run(["import", str(FIXTURES / "radio.txt"), "--outlet", "Radio X"], capsys)[0] == 0
    row = backend.pg.admin.execute("SELECT pairs IS NULL FROM sources WHERE id = 'radio'")
    assert row.fetchone() == (True,)
    with library.connect(backend.where) as lib:
        assert lib.engine().phrases([("build", "the", "bridge")], 8) == ["radio"]
    rc, out, _ = run(["find", "--json", "build the bridge next spring"], capsys)
    assert rc == 0 and '"found":true' in out


def test_issue15_the_pairs_sent_as_text_are_the_tsvector_of_the_pairs_kept(backend, capsys):
    """PostgreSQL: ``sources.pairs`` is written as one string (``pg_schema.paired``); the server
    reads it as the tsvector of the pairs kept of neighbouring folded words, accented, with
    digits or in another script, as the array of the pairs would give."""
    if backend.name != "postgresql":
        pytest.skip("word pairs are the PostgreSQL library's")
    from quotecli import readers
    from quotecli.library import pg_schema

    text = (
        "JANE ROE: Ça coûte 1 500 € à l'État, œuvre déjà vue ; naïve Ἀθῆναι 東京 x² señor.\n"
        "JOHN DOE: Don't say 'it's' or \\ back: slash.\n"
    )
    got = readers.convert(text.encode(), "p1.txt", options={"outlet": "Radio X", "language": "fr"})
    with library.connect(backend.where) as lib:
        lib.add([library.Item("p1", got.text, got.format, got.source)])
        words = lib.load_index("p1").words
    expected = sorted(pg_schema.kept(list(words)))
    assert len(expected) > 5 and set(expected) <= set(pg_schema.pairs(list(words)))
    row = backend.pg.admin.execute(
        "SELECT pairs = array_to_tsvector(%s::text[]), array_length(tsvector_to_array(pairs), 1)"
        " FROM sources WHERE id = 'p1'",
        (expected,),
    ).fetchone()
    assert row == (True, len(expected))


def test_issue15_transcripts_are_stored_compressed_with_lz4_where_the_server_has_it(backend):
    """PostgreSQL: an import stores each transcript's text and layout compressed with LZ4 when
    the server was built with it (pglz, the default, was a tenth of the server's time in an
    import); the text read back is the text imported."""
    if backend.name != "postgresql":
        pytest.skip("TOAST compression is PostgreSQL's")
    from quotecli import readers

    has = backend.pg.admin.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    ).fetchone()[0]
    lines = [f"JANE ROE: Sentence number {i} of a long interview, said once.\n" for i in range(300)]
    text = "".join(line if i % 2 else line.replace("JANE ROE", "JOHN DOE") for i, line in
                   enumerate(lines))  # fmt: skip
    got = readers.convert(text.encode(), "z1.txt", options={"outlet": "Radio X", "language": "en"})
    with library.connect(backend.where) as lib:
        lib.add([library.Item("z1", got.text, got.format, got.source)])
        assert lib.load("z1").text == got.source.text
    row = backend.pg.admin.execute(
        "SELECT pg_column_compression(text), pg_column_compression(layout) FROM sources"
        " WHERE id = 'z1'"
    ).fetchone()
    assert row == (("lz4", "lz4") if has else ("pglz", "pglz"))
