"""Who may call the loan endpoints: tenant clients holding a loans scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import Security

from platform_api.auth.dependencies import TenantContext, tenant_context

Reader = Annotated[TenantContext, Security(tenant_context, scopes=["loans:read"])]
Writer = Annotated[TenantContext, Security(tenant_context, scopes=["loans:write"])]
#: Decisions and write-offs: held by a different client than the one that prepared them.
Approver = Annotated[TenantContext, Security(tenant_context, scopes=["loans:approve"])]
