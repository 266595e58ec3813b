"""Origins of claims: sources only, one per person or body whatever the spelling."""

from __future__ import annotations

import pytest

from frontwire.ledger.origins import classify, index_claims, side_of_name, skeleton
from frontwire.model import Claim
from frontwire.store.synthetic import make_claim


@pytest.mark.parametrize("words", [
    "117 people", "Quote", "the document", "older Soviet-era short-range ballistic missile",
    "he", "They", "satellite imagery", "the video",
])
def test_words_that_name_no_source_are_no_origin(words: str) -> None:
    assert classify(words) is None


@pytest.mark.parametrize("words", [
    "a source in the security services", "two senior US officials", "local residents",
    "the State Emergency Service", "Kremlin spokesman Dmitry Peskov", "IAEA",
])
def test_people_bodies_and_described_sources_are_origins(words: str) -> None:
    assert classify(words) is not None


def test_titles_and_spellings_of_one_minister_are_one_origin() -> None:
    variants = ["Ukraine's defence minister Oleksii Reznikov", "Reznikov",
                "Defence Minister Oleksiy Reznikov", "Defense Minister Oleksii Reznikov",
                "Ukrainian Defence Minister Oleksii Reznikov"]  # fmt: skip
    keys = {classify(v)[1] for v in variants}  # type: ignore[index]
    assert len(keys) == 1


def test_transliterations_share_a_skeleton() -> None:
    assert skeleton("Zelenskyy") == skeleton("Zelensky") == skeleton("Zelenskiy")
    assert skeleton("Haidai") == skeleton("Gaidai")
    assert skeleton("Peskov") != skeleton("Reznikov")


def test_one_ministry_under_two_names_is_one_body_with_its_side() -> None:
    a, b = classify("Russia's Ministry of Defence"), classify("the Russian Defense Ministry")
    assert a is not None and b is not None and a[1] == b[1]
    assert side_of_name("Russian Defense Ministry") == "Russia"
    assert side_of_name("Reuters") == ""


def _claim(cid: str, text: str, chain: list[str], narration: bool = False) -> Claim:
    return make_claim(text, cid, text, source=chain[0], chain=chain, narration=narration)


def test_wire_copy_printed_by_three_outlets_is_one_origin() -> None:
    copy = "Explosions were heard in the port city of Odesa early on Monday"
    claims = [(f"d{i}", _claim("c1", copy, [outlet], narration=True), outlet)
              for i, outlet in enumerate(["AP", "Yahoo News", "ABC News"])]  # fmt: skip
    index = index_claims(claims)
    assert [o.name for o in index.origins()] == ["AP"]


def test_a_relayed_statement_has_the_origin_not_the_relays() -> None:
    text = "Air defences downed 12 drones over the Belgorod region overnight"
    tass = _claim("c1", text, ["Russian Defence Ministry", "TASS", "Reuters"])
    ria = _claim("c1", text, ["the Russian Defense Ministry", "RIA Novosti", "CNN"])
    index = index_claims([("d1", tass, "Reuters"), ("d2", ria, "CNN")])
    (origin,) = index.origins()
    assert origin.side == "Russia" and index.origin("d2", ria) is origin
