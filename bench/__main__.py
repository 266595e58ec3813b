"""Run every stage benchmark in turn: python -m bench (make bench)."""

from __future__ import annotations

import importlib

STAGES = ("ingest", "clean", "nlp", "geo", "time", "attribution", "events", "merge", "store",
          "export", "api", "pipeline")


def main() -> None:
    for stage in STAGES:
        print(f"== {stage}", flush=True)
        try:
            module = importlib.import_module(f"bench.bench_{stage}")
        except ModuleNotFoundError as err:
            print(f"   (no benchmark: {err})")
            continue
        module.main()


if __name__ == "__main__":
    main()
