"""Operations on the registry that span apps: merging organisations moves their
participations (cooperation), evidence (sources) and focal points (accounts)."""
