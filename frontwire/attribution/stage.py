from __future__ import annotations
class Attributor:
    name = "attribution"
