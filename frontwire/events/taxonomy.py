"""ACLED's event taxonomy (6 event types, 25 sub-event types) and its PLOVER counterparts."""

from __future__ import annotations

# sub_event_type -> event_type, in ACLED's order.
SUB_TO_TYPE: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(SUB_TO_TYPE)
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_TO_TYPE.values()))

# PLOVER (the CAMEO successor) root code for each sub-event type. Strategic "Other" has
# no PLOVER equivalent, so it stays empty rather than guessing.
PLOVER: dict[str, str] = {
    "Armed clash": "ASSAULT",
    "Government regains territory": "ASSAULT",
    "Non-state actor overtakes territory": "ASSAULT",
    "Chemical weapon": "ASSAULT",
    "Air/drone strike": "ASSAULT",
    "Suicide bomb": "ASSAULT",
    "Shelling/artillery/missile attack": "ASSAULT",
    "Remote explosive/landmine/IED": "ASSAULT",
    "Grenade": "ASSAULT",
    "Sexual violence": "ASSAULT",
    "Attack": "ASSAULT",
    "Abduction/forced disappearance": "ASSAULT",
    "Peaceful protest": "PROTEST",
    "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "ASSAULT",
    "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT",
    "Agreement": "AGREE",
    "Arrests": "COERCE",
    "Change to group/activity": "MOBILIZE",
    "Disrupted weapons use": "COERCE",
    "Headquarters or base established": "MOBILIZE",
    "Looting/property destruction": "COERCE",
    "Non-violent transfer of territory": "CONCEDE",
    "Other": "",
}


def event_type_of(sub_event_type: str) -> str:
    """ACLED event type of a sub-event type; raises ValueError on an unknown name."""
    try:
        return SUB_TO_TYPE[sub_event_type]
    except KeyError:
        raise ValueError(f"unknown ACLED sub-event type {sub_event_type!r}") from None


def disorder_type_of(sub_event_type: str) -> str:
    """ACLED disorder type: violence, demonstrations, strategic, or both for excessive force."""
    event_type = event_type_of(sub_event_type)
    if sub_event_type == "Excessive force against protesters":
        # Lethal force against a demonstration is both: ACLED's current codebook says so.
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence":
        # Mob violence is violence by a crowd, not a demonstration of grievances.
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"
