"""The `frontwire` command line: parse, call one function, translate errors.

Every command takes the global ``--db PATH`` (default ``frontwire.db``). Work
lives in the stage modules and in :class:`frontwire.ledger.Ledger`; this file
only wires options to them.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from .errors import FrontwireError

DEFAULT_DB = "frontwire.db"
EXPORT_FORMATS = ("acled-csv", "geojson", "jsonl")
EXPORT_SUFFIX = {"acled-csv": "acled.csv", "geojson": "geojson", "jsonl": "jsonl"}


def _fail(err: Exception) -> click.ClickException:
    return click.ClickException(str(err))


class FrontwireGroup(click.Group):
    """Turns our own errors into one clear line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FrontwireError as err:
            raise _fail(err) from None


@click.group(cls=FrontwireGroup)
@click.option(
    "--db",
    "db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="FRONTWIRE_DB",
    type=click.Path(dir_okay=False),
    help="Ledger database (SQLite file).",
)
@click.version_option(package_name="frontwire")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Frontwire: conflict reporting in, an event ledger out.

    \b
    Example:
      frontwire run examples/            # ingest, analyse, merge, export
      frontwire events --type Battles    # query the ledger
    """
    ctx.obj = {"db": db}


def _open_ledger(ctx: click.Context) -> Any:
    from .ledger import Ledger

    return Ledger(ctx.obj["db"])


def workers_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--workers",
        "-w",
        type=int,
        default=lambda: os.cpu_count() or 1,
        show_default="all cores",
        help="Worker processes that analyse documents.",
    )(fn)


# --------------------------------------------------------------------------- ingest


def _documents(paths: Iterable[str], errors: list[str]) -> Iterator[Any]:
    """Documents from the readers; each unreadable file becomes one error line."""
    from .ingest import read_paths

    for item in read_paths(paths):
        if isinstance(item, Exception):
            errors.append(str(item))
            click.secho(f"error: {item}", fg="red", err=True)
        else:
            yield item


def ingest_paths(ctx: click.Context, paths: Iterable[str], workers: int) -> dict[str, Any]:
    """Read, analyse and store documents, then merge. Resumable and idempotent."""
    from .pipeline import Pipeline

    errors: list[str] = []
    ledger = _open_ledger(ctx)
    try:
        known = ledger.known_document_ids()
        seen: set[str] = set()
        fresh = []
        skipped = 0
        for doc in _documents(paths, errors):
            if doc.id in known or doc.id in seen:
                skipped += 1
                continue
            seen.add(doc.id)
            fresh.append(doc)
        added = 0
        if fresh:
            pipeline = Pipeline()
            workers = max(1, min(workers, len(fresh)))
            reports = pipeline.analyse_many(fresh, workers=workers)
            label = f"analysing {len(fresh)} documents"
            with click.progressbar(reports, length=len(fresh), label=label, file=sys.stderr) as bar:
                for report in bar:
                    if isinstance(report, Exception):
                        errors.append(str(report))
                        click.secho(f"\nerror: {report}", fg="red", err=True)
                        continue
                    # Stored one by one: an interrupted run keeps what it finished.
                    added += bool(ledger.add_report(report))
        merged = ledger.merge()
        stats = ledger.stats()
    finally:
        ledger.close()
    return {
        "added": added,
        "skipped": skipped,
        "errors": errors,
        "merge": merged,
        "stats": stats,
    }


def _print_summary(db: str, result: dict[str, Any]) -> None:
    stats = result["stats"]
    click.echo(
        f"ingested {result['added']} new documents"
        f" ({result['skipped']} already in the ledger, {len(result['errors'])} unreadable)"
    )
    click.echo(
        "ledger: {documents} documents, {events} events, {claims} claims, "
        "{contradictions} contradictions, {places} places".format(
            **{
                k: stats.get(k, 0)
                for k in ("documents", "events", "claims", "contradictions", "places")
            }
        )
    )
    click.echo(f"ledger file: {Path(db).resolve()}")


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@workers_option
@click.pass_context
def ingest_cli(ctx: click.Context, paths: tuple[str, ...], workers: int) -> None:
    """Read files, folders (recursive) or - (stdin) into the ledger.

    Re-ingesting the same content adds nothing; an interrupted run resumes.
    """
    result = ingest_paths(ctx, paths, workers)
    _print_summary(ctx.obj["db"], result)
    if result["errors"] and not result["added"] and not result["skipped"]:
        ctx.exit(1)


@cli.command("run")
@click.argument("paths", nargs=-1)
@workers_option
@click.option(
    "--exports",
    "exports_dir",
    default="exports",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the ACLED CSV, GeoJSON and JSONL exports.",
)
@click.pass_context
def run_cli(ctx: click.Context, paths: tuple[str, ...], workers: int, exports_dir: str) -> None:
    """Ingest, analyse, merge and export. No PATHS means examples/."""
    if not paths:
        paths = ("examples",)
    result = ingest_paths(ctx, paths, workers)
    _print_summary(ctx.obj["db"], result)
    written = write_exports(ctx, Path(exports_dir))
    for path, rows in written:
        click.echo(f"export: {path} ({rows} events)")


def write_exports(ctx: click.Context, folder: Path) -> list[tuple[Path, int]]:
    from .export import export

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    ledger = _open_ledger(ctx)
    try:
        for fmt in EXPORT_FORMATS:
            path = folder / f"events.{EXPORT_SUFFIX[fmt]}"
            with open(path, "w", encoding="utf-8", newline="") as out:
                rows = export(ledger, fmt, out, limit=None)
            written.append((path.resolve(), rows))
    finally:
        ledger.close()
    return written


# --------------------------------------------------------------------------- extract


@cli.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--compact", is_flag=True, help="One line of JSON per document.")
def extract_cli(file: str, compact: bool) -> None:
    """Print one document's full analysis as JSON, without touching the ledger.

    Sentences, entities, places, time expressions, claims and events, each with
    character spans into the cleaned text. A file holding several documents
    (a feed, a Telegram export, JSONL) prints one JSON object per document.
    """
    from .ingest import read_paths
    from .model import to_dict
    from .pipeline import Pipeline

    pipeline: Pipeline | None = None
    failed = False
    for item in read_paths([file]):
        if isinstance(item, Exception):
            click.secho(f"error: {item}", fg="red", err=True)
            failed = True
            continue
        pipeline = pipeline or Pipeline()
        data = to_dict(pipeline.analyse(item))
        click.echo(json.dumps(data, ensure_ascii=False, indent=None if compact else 2))
    if failed:
        sys.exit(1)


# --------------------------------------------------------------------------- queries


def event_filters(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The ledger filters as options, one per EventFilter field (so CLI and API agree)."""
    from .ledger.filters import filter_fields

    for name, meta in reversed(filter_fields()):
        if meta["kind"] == "flag":
            fn = click.option(meta["flag"], name, is_flag=True, default=None,
                              help=meta["help"])(fn)  # fmt: skip
        elif meta["kind"] == "stance":
            from .model import STANCES

            fn = click.option(meta["flag"], name, type=click.Choice(STANCES),
                              help=meta["help"])(fn)  # fmt: skip
        else:
            fn = click.option(meta["flag"], name, help=meta["help"])(fn)
    return fn


def _filters(kwargs: dict[str, Any]) -> Any:
    """The EventFilter of a command's filter options (a bad value is a clear error)."""
    from .ledger.filters import FILTER_NAMES, EventFilter

    return EventFilter.from_params({k: kwargs.pop(k) for k in FILTER_NAMES if k in kwargs})


TABLE_COLUMNS = (
    "id",
    "date_start",
    "event_type",
    "sub_event_type",
    "location",
    "admin1",
    "country",
    "fatalities",
    "n_reports",
    "contradicted",
)


@cli.command("events")
@event_filters
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.pass_context
def events_cli(ctx: click.Context, limit: int, offset: int, fmt: str, **kwargs: Any) -> None:
    """List and filter ledger events (analysts' corrections, merges and splits applied)."""
    ledger = _open_ledger(ctx)
    try:
        rows = ledger.events(_filters(kwargs), limit=limit, offset=offset)
    finally:
        ledger.close()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=TABLE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        click.echo(_table(rows, TABLE_COLUMNS))


def _table(rows: list[dict[str, Any]], columns: Iterable[str]) -> str:
    columns = list(columns)
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    if not rows:
        lines.append("(no events)")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


@cli.command("show")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def show_cli(ctx: click.Context, event_id: str, fmt: str) -> None:
    """One event with every report, claim, source chain and stance, as reviewed."""
    ledger = _open_ledger(ctx)
    try:
        event = ledger.event(event_id)
    finally:
        ledger.close()
    if event is None:
        raise click.ClickException(f"no event {event_id!r} in {ctx.obj['db']}")
    if fmt == "json":
        click.echo(json.dumps(event, ensure_ascii=False, indent=2))
    else:
        click.echo(render_event(event))


def render_event(event: dict[str, Any]) -> str:
    """A readable account of one ledger event: what, where, when, and who says so."""
    dates = str(event.get("date_start"))
    if event.get("date_end") not in (None, event.get("date_start")):
        dates += f" to {event['date_end']}"
    out = [
        f"{event.get('id')}  {event.get('event_type')} / {event.get('sub_event_type')}"
        + ("  (background)" if event.get("background") else ""),
        f"  when:   {dates}  (ACLED time precision {event.get('time_precision')})",
        f"  where:  {event.get('location')}, {event.get('admin1')}, {event.get('country')}"
        f"  ({event.get('latitude')}, {event.get('longitude')};"
        f" ACLED geo precision {event.get('geo_precision')})",
        f"  actors: {event.get('actor1') or '?'}  vs  {event.get('actor2') or '-'}",
        *_toll_lines(event),
        f"  sources: {event.get('n_reports')} reports, {event.get('n_sources')} outlets,"
        f" {_count(event.get('independent_origins'), 'independent origin')} asserting it"
        + ("  -- CONTRADICTED" if event.get("contradicted") else ""),
        *_origin_lines(event.get("origins_by_stance") or {}),
    ]
    labels: dict[str, str] = {}
    for report in event.get("reports", []):
        title = f"  report: {report.get('outlet') or '?'} ({report.get('published') or 'undated'})"
        out.append(f"{title}  {report.get('title') or ''}".rstrip())
        if report.get("url"):
            out.append(f"    {report['url']}")
        for claim in report.get("claims", []):
            chain = " <- ".join(link.get("name", "?") for link in claim.get("chain", []))
            labels[f"{claim.get('doc_id')}:{claim.get('id')}"] = _claim_label(claim)
            out.append(f"    [{claim.get('stance')}] {claim.get('source') or '?'}"
                       + (f"  (chain: {chain})" if " <- " in chain else ""))
            out.append(f"      \"{claim.get('content', '')}\"")
    for kind, disputes in (event.get("disputes") or {}).items():
        out.append(f"  disputed {kind}:")
        for dispute in disputes:
            out.append(f"    {dispute['reason']}")
            for side in dispute["sides"]:
                out.append(f"      {labels.get(side['claim'], side['claim'])}")
    for relation in event.get("corroborations", []):
        a = labels.get(relation.get("a", ""), relation.get("a"))
        b = labels.get(relation.get("b", ""), relation.get("b"))
        reason = f" ({relation['reason']})" if relation.get("reason") else ""
        out.append(f"  corroborates{reason}:\n    {a}\n    {b}")
    return "\n".join(out)


def _count(n: Any, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _toll_lines(event: dict[str, Any]) -> list[str]:
    """The death toll (best, and the low-high range when it is one) and the timeline of
    the figures behind it, each with its time, origin and whether a later count
    superseded it."""
    best, low, high = (event.get(k) or 0 for k in
                       ("fatalities", "fatalities_low", "fatalities_high"))  # fmt: skip
    line = f"  fatalities: {best}" + (f"  (range {low}-{high})" if low != high else "")
    lines = [line]
    for f in event.get("fatality_figures") or []:
        state = ("not asserted" if not f.get("asserted") else
                 f"superseded by {f['superseded_by']['fatalities']} ({f['superseded_by']['why']})"
                 if f.get("superseded") and f.get("superseded_by") else "current")  # fmt: skip
        side = f" [{f['side']}]" if f.get("side") else ""
        lines.append(f"    {f.get('time') or 'undated'}  {f['fatalities']:>5}  "
                     f"{f.get('origin') or f.get('doc_id')}{side}  -- {state}")
    return lines


def _origin_lines(by_stance: dict[str, list[str]]) -> list[str]:
    """'    denies: 3 origins (FSB; Roman Starovoit; ...)' per stance."""
    return [
        f"    {stance}: {_count(len(names), 'origin')} ({'; '.join(names)})"
        for stance, names in by_stance.items()
    ]


def _claim_label(claim: dict[str, Any]) -> str:
    content = str(claim.get("content", ""))
    if len(content) > 70:
        content = content[:69] + "…"
    return f"{claim.get('source') or '?'} [{claim.get('stance')}]: \"{content}\""


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default: stdout).",
)
@event_filters
@click.pass_context
def export_cli(ctx: click.Context, fmt: str, output: str, **kwargs: Any) -> None:
    """Export reviewed ledger events as ACLED-compatible CSV, GeoJSON or JSONL.

    The export reads one snapshot of the ledger, even while an ingest is writing.
    """
    from .export import export

    ledger = _open_ledger(ctx)
    try:
        with click.open_file(output, "w", encoding="utf-8") as out:
            rows = export(ledger, fmt, out, where=_filters(kwargs))  # type: ignore[arg-type]
    finally:
        ledger.close()
    if output != "-":
        click.echo(f"wrote {rows} events to {output}", err=True)


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats_cli(ctx: click.Context, as_json: bool) -> None:
    """Counts of documents, events, claims, contradictions and places."""
    ledger = _open_ledger(ctx)
    try:
        stats = ledger.stats()
    finally:
        ledger.close()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for sub, count in value.items():
                click.echo(f"  {sub}: {count}")
        else:
            click.echo(f"{key}: {value}")


# --------------------------------------------------------------------------- eval / train


@cli.group("eval")
def eval_group() -> None:
    """Measure a stage against gold data (formats: ../shared/eval/README.md)."""


def _run_eval(module: str, path: str, as_json: bool, **options: Any) -> None:
    import importlib

    evaluator = importlib.import_module(f"frontwire.eval.{module}")
    if not Path(path).exists():
        raise click.ClickException(f"{path}: no such file")
    result = evaluator.evaluate(path, **options)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(evaluator.format_report(result))


json_flag = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
limit_flag = click.option("--limit", type=int, default=None, help="Only the first N records.")


@eval_group.command("geo")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--gold-spans", is_flag=True, help="Resolve the gold toponym spans (no detection).")
@json_flag
@limit_flag
def eval_geo_cli(file: str, gold_spans: bool, as_json: bool, limit: int | None) -> None:
    """Toponym detection and resolution: acc@161km, errors, AUC, P/R/F1."""
    _run_eval("geo", file, as_json, gold_spans=gold_spans, limit=limit)


@eval_group.command("time")
@click.argument("file", type=click.Path(dir_okay=False))
@json_flag
@limit_flag
def eval_time_cli(file: str, as_json: bool, limit: int | None) -> None:
    """TempEval-3 style scores for time expressions."""
    _run_eval("time", file, as_json, limit=limit)


@eval_group.command("attribution")
@click.argument("file", type=click.Path(dir_okay=False))
@json_flag
@limit_flag
@click.option("--split", default=None, help="Only records of this split (dev, heldout).")
def eval_attribution_cli(file: str, as_json: bool, limit: int | None, split: str | None) -> None:
    """Source, cue and content spans of attributions: P/R/F1 (JSONL or inline .txt gold)."""
    _run_eval("attribution", file, as_json, limit=limit, split=split)


@eval_group.command("attribution-learned")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--train", "train", required=True, type=click.Path(dir_okay=False),
              help="Gold file to train the cue tagger on (nothing is saved).")
@json_flag
@limit_flag
def eval_attribution_learned_cli(file: str, train: str, as_json: bool, limit: int | None) -> None:
    """Would a learned cue tagger beat the rules? Train on --train, score cues on FILE."""
    if not Path(train).exists():
        raise click.ClickException(f"{train}: no such file")
    _run_eval("attribution_learned", file, as_json, train=train, limit=limit)


@eval_group.command("events")
@click.argument("file", type=click.Path(dir_okay=False))
@json_flag
@limit_flag
def eval_events_cli(file: str, as_json: bool, limit: int | None) -> None:
    """ACLED sub-event type classification of labelled snippets."""
    _run_eval("events", file, as_json, limit=limit)


@eval_group.command("acled")
@click.argument("file", type=click.Path(dir_okay=False))
@json_flag
@limit_flag
@click.option(
    "--train-fraction",
    type=float,
    default=None,
    help="Train a temporary model on this share of the file and test on the rest.",
)
def eval_acled_cli(
    file: str, as_json: bool, limit: int | None, train_fraction: float | None
) -> None:
    """Full coding of ACLED rows from their notes: type, date, place, fatalities, actor."""
    _run_eval("acled", file, as_json, limit=limit, train_fraction=train_fraction)


@eval_group.command("ledger")
@click.argument("file", type=click.Path(dir_okay=False))
@json_flag
@limit_flag
@workers_option
@click.option("--ledger", "ledger_path", default=None,
              help="Keep the ledger in this file; a re-run reuses its analysed reports.")
def eval_ledger_cli(
    file: str, as_json: bool, limit: int | None, workers: int, ledger_path: str | None
) -> None:
    """Whole pipeline on clustered news (RUWA format): coverage, purity, fragments, disputes."""
    _run_eval("ledger", file, as_json, limit=limit, workers=workers, ledger_path=ledger_path)


@cli.group("train")
def train_group() -> None:
    """Fit models from your own coded data."""


@train_group.command("events")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default=None, help="Model folder (default: the user data folder).")
def train_events_cli(data: str, output: str | None) -> None:
    """Fit the event-type model from an ACLED export CSV or JSONL (text + label)."""
    from .events import train

    result = train(data, out=output)
    click.echo(
        f"trained on {result.get('n')} events, {len(result.get('labels', []))} labels,"
        f" in {result.get('seconds')} s; saved to {result.get('path')}"
    )
    click.echo(
        "the pipeline now uses this model (delete the folder to go back to the built-in one)"
    )


# --------------------------------------------------------------------------- web


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--get", "get_path", default=None, help="Answer one GET in-process and exit.")
@click.pass_context
def serve_cli(ctx: click.Context, host: str, port: int, get_path: str | None) -> None:
    """Serve the JSON API (OpenAPI at /api/openapi.json) and the analyst page.

    \b
    Example:
      frontwire serve                      # then open http://127.0.0.1:8000/
      frontwire serve --get /api/stats     # one request, no server
    """
    from .api.cli_support import get, serve

    if get_path:
        status, body = get(ctx.obj["db"], get_path)
        click.echo(body)
        ctx.exit(0 if status < 400 else 1)
    serve(ctx.obj["db"], host, port)


@cli.group("token")
def token_group() -> None:
    """API tokens: every write to the API needs one."""


@token_group.command("create")
@click.argument("name")
@click.pass_context
def token_create_cli(ctx: click.Context, name: str) -> None:
    """Create a token for reviewer NAME (shown once, stored hashed)."""
    from .api.cli_support import create_token

    click.echo(create_token(ctx.obj["db"], name))


@cli.group("pipeline")
def pipeline_group() -> None:
    """Inspect the analysis pipeline."""


@pipeline_group.command("check")
def pipeline_check_cli() -> None:
    """Print the stages in order and any unmet requirement."""
    from .pipeline import REQUIRES, STAGE_ORDER, check

    for name in STAGE_ORDER:
        needs = ", ".join(REQUIRES[name]) or "-"
        click.echo(f"{name:<12} needs: {needs}")
    problems = check(STAGE_ORDER)
    click.echo("ok" if not problems else "\n".join(problems))


def main() -> None:
    cli(prog_name="frontwire")


if __name__ == "__main__":
    main()
