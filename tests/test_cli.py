"""The command line end to end on the shipped examples (and the seed report when present)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from frontwire.cli import cli

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
    "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
).split(",")


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> dict:
    tmp = tmp_path_factory.mktemp("run")
    db = tmp / "ledger.db"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["--db", str(db), "run", str(examples_dir), "--exports", str(tmp / "exports"), "-w", "2"],
        catch_exceptions=False,
    )
    return {"db": db, "tmp": tmp, "result": result, "runner": runner}


def test_run_builds_ledger_and_exports(ran: dict) -> None:
    result = ran["result"]
    assert result.exit_code == 0, result.output
    assert "ledger file:" in result.output
    exports = ran["tmp"] / "exports"
    rows = list(csv.DictReader((exports / "events.acled.csv").open(encoding="utf-8")))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    geo = json.loads((exports / "events.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lines = (exports / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows) == len(geo["features"])


def test_rerun_is_idempotent(ran: dict, examples_dir: Path) -> None:
    runner, db = ran["runner"], ran["db"]
    before = json.loads(runner.invoke(cli, ["--db", str(db), "stats", "--json"]).output)
    again = runner.invoke(cli, ["--db", str(db), "ingest", str(examples_dir), "-w", "1"])
    assert again.exit_code == 0, again.output
    assert "ingested 0 new documents" in again.output
    after = json.loads(runner.invoke(cli, ["--db", str(db), "stats", "--json"]).output)
    assert before["documents"] == after["documents"] and before["events"] == after["events"]


def test_events_filters_and_show(ran: dict) -> None:
    runner, db = ran["runner"], ran["db"]
    out = runner.invoke(cli, ["--db", str(db), "events", "--format", "json", "--limit", "500"])
    events = json.loads(out.output)
    assert events
    russia = json.loads(
        runner.invoke(
            cli, ["--db", str(db), "events", "--country", "Russia", "--format", "json"]
        ).output
    )
    assert russia and all(e["country"] == "Russia" for e in russia)
    shown = runner.invoke(cli, ["--db", str(db), "show", events[0]["id"]])
    assert shown.exit_code == 0 and events[0]["id"] in shown.output
    missing = runner.invoke(cli, ["--db", str(db), "show", "FW-nosuch"])
    assert missing.exit_code != 0 and "no event" in missing.output


def test_contradiction_is_visible(ran: dict) -> None:
    runner, db = ran["runner"], ran["db"]
    out = runner.invoke(cli, ["--db", str(db), "events", "--contradicted", "--format", "json"])
    assert json.loads(out.output), "the examples tell an incident that one side denies"


def test_bad_input_is_one_clear_line_and_keeps_the_rest(tmp_path: Path, examples_dir: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(
        "Title: Shelling in Kherson\nDate: 2024-04-02\n\nRussian artillery shelled Kherson on "
        "Monday, killing one man, the regional administration said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "l.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(bad), str(good), "-w", "1"])
    assert "Traceback" not in result.output
    assert "broken.json" in result.output
    assert "ingested 1 new documents" in result.output


def test_extract_prints_analysis_json(examples_dir: Path) -> None:
    first = sorted(p for p in examples_dir.rglob("*.txt"))[0]
    result = CliRunner().invoke(cli, ["extract", str(first), "--compact"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.splitlines()[0])
    for key in ("sentences", "entities", "places", "times", "claims", "events"):
        assert key in data


def test_seed_report_end_to_end(tmp_path: Path, shared_dir: Path) -> None:
    seed = shared_dir / "seeds" / "000_66fe69de8a745069.txt"
    db = tmp_path / "seed.db"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", str(db), "run", str(seed), "--exports", str(tmp_path / "x")]
    )
    assert result.exit_code == 0, result.output
    events = json.loads(runner.invoke(cli, ["--db", str(db), "events", "--format", "json"]).output)
    located = [e for e in events if e.get("latitude") is not None]
    assert located, "the incursion is placed on the map"
    detail = json.loads(
        runner.invoke(cli, ["--db", str(db), "show", located[0]["id"], "--format", "json"]).output
    )
    text = json.dumps(detail)
    assert "denies" in text and "asserts" in text
    buf = io.StringIO(
        runner.invoke(cli, ["--db", str(db), "export", "--format", "acled-csv"]).output
    )
    rows = list(csv.DictReader(buf))
    assert any(r["admin1"].startswith("Kursk") for r in rows)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append(prefix + (name,))
        if isinstance(command, click.Group):
            found += _commands(command, prefix + (name,))
    return found


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for path in _commands(cli):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert len(result.output.splitlines()) > 3, path
        if len(path) == 1 and path[0] != "pipeline":
            assert f"frontwire {path[0]}" in readme, f"README does not show `frontwire {path[0]}`"


def test_ingest_reads_stdin(tmp_path: Path) -> None:
    db = tmp_path / "stdin.db"
    text = (
        "Title: Drone strike on Sumy\nDate: 2024-03-20\n\nA Russian drone struck a power "
        "substation in Sumy on Wednesday night, the regional military administration said.\n"
    )
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-", "-w", "1"], input=text)
    assert result.exit_code == 0, result.output
    assert "ingested 1 new documents" in result.output
