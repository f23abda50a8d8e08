from enum import StrEnum


class TenantScope(StrEnum):
    ENTREPRENEURS_READ = "entrepreneurs:read"
    ENTREPRENEURS_WRITE = "entrepreneurs:write"
    LOANS_APPROVE = "loans:approve"
    LOANS_READ = "loans:read"
    LOANS_WRITE = "loans:write"
    MATCHING_READ = "matching:read"
    MATCHING_WRITE = "matching:write"
    REPORTS_READ = "reports:read"
    TENANT_ADMIN = "tenant:admin"

    def __str__(self) -> str:
        return str(self.value)
