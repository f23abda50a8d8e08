"""Who is calling: the operator, a tenant's client, or a funder."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class PrincipalKind(StrEnum):
    OPERATOR = "operator"
    TENANT = "tenant"
    FUNDER = "funder"


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind
    client_id: uuid.UUID
    scopes: frozenset[str]
    tenant_id: uuid.UUID | None = None
    funder_id: uuid.UUID | None = None
    expires_at: float = 0.0
