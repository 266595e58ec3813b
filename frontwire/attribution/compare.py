from __future__ import annotations
def compare_claims(a, b): return None
def independent_origins(claims): return 0
