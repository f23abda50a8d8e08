"""PATCH bodies: a field not sent stays as it is; `null` is only accepted where the
resource's field can be null."""

from __future__ import annotations

from typing import ClassVar, Self

from pydantic import BaseModel, ConfigDict, model_validator


class PatchModel(BaseModel):
    """Base of every PATCH body. Fields are optional so that any subset can be sent; list
    in `NOT_NULL` those the resource requires, so `{"name": null}` is a 422, not a 500."""

    model_config = ConfigDict(extra="forbid")

    NOT_NULL: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _required_fields_stay_set(self) -> Self:
        cleared = sorted(
            f for f in self.NOT_NULL & self.model_fields_set if getattr(self, f) is None
        )
        if cleared:
            raise ValueError(f"these fields cannot be null: {', '.join(cleared)}")
        return self

    def changes(self) -> dict[str, object]:
        """Only what the caller sent."""
        return self.model_dump(exclude_unset=True)
