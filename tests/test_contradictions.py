"""Contradictions between the origins of one incident: kinds, sides, never noise."""

from __future__ import annotations

from frontwire.ledger.aggregate import claim_relations
from frontwire.ledger.relations import (
    CONTRADICTS,
    CORROBORATES,
    Position,
    incompatible,
    perpetrators,
    positions,
)
from frontwire.model import Claim
from frontwire.store.synthetic import make_claim


def _claim(cid: str, content: str, chain: list[str], stance: str = "asserts",
           cue: str = "said") -> Claim:  # fmt: skip
    claim = make_claim(content, cid, content, stance=stance, source=chain[0], chain=chain)
    claim.cue = cue
    return claim


def _relations(*claims: tuple[str, Claim]) -> list[tuple[str, ...]]:
    return claim_relations(list(claims), [])


# One strike on a market told by Kyiv, denied by Moscow and relayed by wires.
KYIV = ("d1", _claim("c1", "Russian missiles struck a crowded market in Kostiantynivka,"
                           " killing 16 civilians", ["Volodymyr Zelensky", "Reuters"]))
REGION = ("d2", _claim("c1", "Russian forces hit the market in Kostiantynivka with an S-300"
                             " missile", ["Donetsk regional governor Pavlo Kyrylenko", "AP"]))
MOSCOW = ("d3", _claim("c1", "Russia was behind the strike on the market",
                       ["Russian Defence Ministry", "TASS"], stance="denies", cue="denied"))
RIA = ("d4", _claim("c2", "Russia was behind the strike on the market",
                    ["the Russian Defense Ministry", "RIA Novosti"], stance="denies",
                    cue="denied"))  # fmt: skip


def test_perpetrators_are_read_from_agent_phrases() -> None:
    assert perpetrators("Russian shelling of the plant") == {"Russia"}
    assert perpetrators("shelling by Ukrainian forces") == {"Ukraine"}
    assert perpetrators("the two sides blamed each other") == set()


def test_a_denial_of_responsibility_is_a_position_against_the_party() -> None:
    held = positions(MOSCOW[1], side="Russia")
    assert Position("responsibility", "not Russia") in held
    assert incompatible(Position("responsibility", "Russia"), Position("responsibility",
                                                                     "not Russia"))
    # Moscow denying is not Kyiv admitting.
    assert not incompatible(Position("responsibility", "Ukraine"),
                            Position("responsibility", "not Russia"))


def test_one_dispute_per_kind_and_pair_of_parties_with_the_two_sides() -> None:
    found = _relations(KYIV, REGION, MOSCOW, RIA)
    disputes = [r for r in found if r[4] == CONTRADICTS]
    # Kyiv and the governor against the ministry, told once however often it was relayed.
    assert {r[6] for r in disputes} == {"responsibility"}
    assert all("Russian Defence Ministry" in r[5] for r in disputes)
    relayed = {(r[0], r[2]) for r in found}
    assert ("d3", "d4") not in relayed and ("d4", "d3") not in relayed
    assert len(disputes) <= 2


def test_kyiv_and_the_governor_corroborate_and_neither_contradicts() -> None:
    (found,) = _relations(KYIV, REGION)  # one relation per pair of claims
    assert found[4] == CORROBORATES and "Pavlo Kyrylenko says yes" in found[5]


def test_two_halves_of_one_sentence_never_contradict() -> None:
    text = "Moscow denied the attack, claiming it was launched by Ukraine"
    denial = make_claim(text, "c1", "the attack", stance="denies", source="Moscow",
                        chain=["Moscow", "AFP"])
    claim = make_claim(text, "c2", "it was launched by Ukraine", source="Moscow",
                       chain=["Moscow", "AFP"])
    assert _relations(("d1", denial), ("d1", claim)) == []


def test_claims_of_one_origin_never_contradict() -> None:
    first = _claim("c1", "Ukrainian drones attacked the refinery in Tuapse", ["Russian Defence Ministry", "TASS"])  # noqa: E501
    later = _claim("c1", "no drones hit the refinery in Tuapse", ["Russian Defence Ministry", "Interfax"],  # noqa: E501
                   stance="denies", cue="denied")  # fmt: skip
    assert not [r for r in _relations(("d1", first), ("d2", later)) if r[4] == CONTRADICTS]


def test_a_background_denial_is_no_position() -> None:
    habit = _claim("c1", "Russia has repeatedly denied targeting civilians",
                   ["the Kremlin", "BBC"], stance="denies", cue="denied")  # fmt: skip
    assert positions(habit, side="Russia") == frozenset()


def test_entering_and_repelling_are_a_dispute_about_the_outcome() -> None:
    militia = ("d1", _claim("c1", "Our fighters entered the village of Tyotkino this morning",
                            ["Russian Volunteer Corps"]))
    fsb = ("d2", _claim("c1", "border guards repelled an attempt by a sabotage group to enter"
                              " Tyotkino", ["Federal Security Service", "TASS"]))
    (dispute,) = _relations(militia, fsb)
    assert dispute[4] == CONTRADICTS and dispute[6] == "outcome"


def test_a_strike_on_a_plant_and_one_on_a_village_are_two_acts() -> None:
    plant = ("d1", _claim("c1", "Russian shelling hit the Zaporizhzhia nuclear plant's"
                                " cooling pond", ["Energoatom", "Reuters"]))
    village = ("d2", _claim("c1", "Ukrainian shelling hit houses in Vasylivka",
                            ["Vladimir Rogov", "RIA Novosti"]))
    assert not [r for r in _relations(plant, village) if r[4] == CONTRADICTS]


def test_a_dispute_repeated_by_dozens_of_origins_stays_a_few_pairs() -> None:
    officials = [(f"d{i}", _claim("c1", f"Russian forces shelled the plant, official {i} said",
                                    [f"Ukrainian official Name{i}", "Outlet"]))
                 for i in range(30)]  # fmt: skip
    denials = [(f"e{i}", _claim("c1", "Russia was behind the shelling of the plant",
                                  [f"Russian official Other{i}", "Outlet"], stance="denies",
                                  cue="denied"))
               for i in range(30)]  # fmt: skip
    found = _relations(*officials, *denials)
    disputes = [r for r in found if r[4] == CONTRADICTS]
    assert 0 < len(disputes) <= 4 * 5  # a few per kind
    assert max(sum(r[6] == kind for r in disputes) for kind in {r[6] for r in disputes}) <= 4
