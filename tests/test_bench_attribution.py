"""The claims-stage benchmark measures news-length articles, both ways the stage runs."""

from __future__ import annotations

from bench import bench_attribution
from bench.common import example_documents, long_corpus


def test_long_corpus_joins_distinct_reports_to_article_length():
    docs = long_corpus(12, words=600, variants=6)
    lengths = [len(d.text.split()) for d in docs]
    shipped = sum(len(d.text.split()) for d in example_documents()) / len(example_documents())
    assert shipped < 300  # why the mode exists: the examples alone are short
    assert all(450 <= n <= 900 for n in lengths)
    assert len({d.id for d in docs}) == 12
    assert len({d.text for d in docs}) == 6
    first = docs[0].text.split("\n\n")
    assert len(first) == len(set(first))  # no report repeated inside one article


def test_benchmark_times_one_at_a_time_and_batched(capsys):
    result = bench_attribution.main(["4", "--words", "300", "--batch", "2"])
    assert set(result) == {"one", "batched"}
    for run in result.values():
        assert run["articles"] == 4
        assert run["articles_per_s"] > 0 and run["words_per_s"] > run["articles_per_s"]
        assert run["peak_mb"] > 0
    out = capsys.readouterr().out
    assert "words/s" in out and "batches of 2" in out
