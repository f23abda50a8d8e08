"""The scope catalogue. Tenant clients get a subset of TENANT_SCOPES; the operator and
funders have one fixed scope each."""

from __future__ import annotations

OPERATOR = "platform:operator"
FUNDER = "funder:reports"

TENANT_SCOPES: dict[str, str] = {
    "tenant:admin": "Manage this tenant's API clients, funder grants and webhook endpoints; "
    "read its audit log; export everything held about one entrepreneur.",
    "entrepreneurs:read": "Read entrepreneurs and their outcome surveys.",
    "entrepreneurs:write": "Create, update and anonymise entrepreneurs.",
    "matching:read": "Read mentors, lenders, matches and recommendations.",
    "matching:write": "Manage mentors, lenders, matches and sessions.",
    "loans:read": "Read loan products, applications, loans and repayments.",
    "loans:write": "Create applications, post repayments, disburse.",
    "loans:approve": "Approve or decline applications, write off loans (maker-checker).",
    "reports:read": "Read this tenant's usage, impact and portfolio reports.",
}

ALL_SCOPES: dict[str, str] = {
    OPERATOR: "Platform operator: tenants, clients and funders.",
    FUNDER: "Funder: read the reports of tenants that granted access.",
    **TENANT_SCOPES,
}
