"""Validated scalar types shared by every domain's schemas."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from platform_api.core.money import is_known_currency

# ISO 3166-1 alpha-2, officially assigned codes.
_COUNTRY_TEXT = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
COUNTRY_CODES = frozenset(_COUNTRY_TEXT.split())
#: The document's `format` for these codes: a pattern says two or three letters, but only
#: assigned codes are accepted, and clients and fuzzers can tell that only from the format.
COUNTRY_FORMAT = "iso-3166-1-alpha-2"
CURRENCY_FORMAT = "iso-4217"


def _country(value: str) -> str:
    if value not in COUNTRY_CODES:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return value


def _currency(value: str) -> str:
    if not is_known_currency(value):
        raise ValueError(f"{value!r} is not an ISO 4217 currency code")
    return value


CountryCode = Annotated[
    str,
    StringConstraints(min_length=2, max_length=2, pattern=r"^[A-Z]{2}$"),
    AfterValidator(_country),
    Field(
        description="ISO 3166-1 alpha-2 country code, e.g. `KE`.",
        examples=["KE"],
        json_schema_extra={"format": COUNTRY_FORMAT},
    ),
]
CurrencyCode = Annotated[
    str,
    StringConstraints(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$"),
    AfterValidator(_currency),
    Field(
        description="ISO 4217 currency code, e.g. `KES`.",
        examples=["KES"],
        json_schema_extra={"format": CURRENCY_FORMAT},
    ),
]


def no_nul(value: str) -> str:
    """PostgreSQL text cannot hold U+0000: refuse it as invalid input (422), not a 500."""
    if "\x00" in value:
        raise ValueError("must not contain the NUL character (U+0000)")
    return value


#: Text is stripped before its length is checked, so it needs one character that is not
#: white space; the pattern says so in the document (" " is refused, not a valid name).
NOT_BLANK = r"\S"

Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=NOT_BLANK),
    AfterValidator(no_nul),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=NOT_BLANK),
    AfterValidator(no_nul),
]

J = TypeVar("J")

#: Free-form JSON (e.g. settings) nests at most this deep.
MAX_JSON_DEPTH = 32
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def storable_json(value: J) -> J:
    """Free-form JSON that jsonb stores and gives back unchanged: no U+0000 in strings or
    keys, integers within 64 bits, finite numbers (Python's parser accepts `NaN`, which
    would come back as null), at most MAX_JSON_DEPTH levels. A pydantic AfterValidator."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list) and depth > MAX_JSON_DEPTH:
            raise ValueError(f"must not nest more than {MAX_JSON_DEPTH} levels deep")
        if isinstance(item, str):
            no_nul(item)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not _INT64_MIN <= item <= _INT64_MAX:
                raise ValueError("integers must fit in 64 bits (signed)")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise ValueError("numbers must be finite")
        elif isinstance(item, dict):
            for key, child in item.items():
                no_nul(str(key))
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return value


def plain_decimal(value: Decimal) -> Decimal:
    """The shortest plain form, whatever the column's scale: `0.18000000` -> `0.18`,
    `1E+1` -> `10`, so a rate reads back as it was sent."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal


#: The longest decimal text accepted: a rate never needs more, and a bound keeps a
#: hostile megabyte of digits away from the decimal parser.
DECIMAL_TEXT_MAX_LENGTH = 40


def _short_decimal_text(value: Any) -> Any:
    if isinstance(value, str) and len(value) > DECIMAL_TEXT_MAX_LENGTH:
        raise ValueError(f"a decimal is at most {DECIMAL_TEXT_MAX_LENGTH} characters")
    return value


def _decimal_constraints(core_schema: Any) -> dict[str, Any]:
    """The `decimal` core schema's bounds, under the validators wrapped around it."""
    while isinstance(core_schema, dict) and core_schema.get("type") != "decimal":
        core_schema = core_schema.get("schema")
    return core_schema if isinstance(core_schema, dict) else {}


def _decimal_text_pattern(constraints: dict[str, Any]) -> str | None:
    """A pattern for a bounded rate's text, `0 <= x <= N` with N a small whole number and
    at most `decimal_places` places: a schema bounds only numbers, so without it any
    digits would look valid as text."""
    low, high, places = (constraints.get(k) for k in ("ge", "le", "decimal_places"))
    if low != 0 or places is None or high is None or high != int(high) or not 0 < high <= 100:
        return None
    below = "|".join(str(whole) for whole in range(int(high)))
    return rf"^(?:(?:{below})(?:\.\d{{1,{places}}})?|{int(high)}(?:\.0{{1,{places}}})?)$"


class _DecimalTextSchema:
    """Documents a rate as the decimal string the conventions call for (`"0.18"`), with
    its length bound and, when bounded, the digits and range it may hold. A JSON number is
    still read, but not offered: a float cannot promise its decimal places."""

    @staticmethod
    def __get_pydantic_json_schema__(
        core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        text = next((arm for arm in schema.pop("anyOf", []) if arm.get("type") == "string"), None)
        if text is not None:
            schema.update(text)
        if schema.get("type") == "string":
            schema["maxLength"] = DECIMAL_TEXT_MAX_LENGTH
            pattern = _decimal_text_pattern(_decimal_constraints(core_schema))
            if pattern:
                schema["pattern"] = pattern
        return schema


#: Annotations for a decimal (a rate) that reads back as it was sent and is written in
#: JSON as a plain string, never in exponent form (`"0.00000001"`, not `"1E-8"`). Put
#: them after the Field constraints: `Annotated[Decimal, Field(ge=0), *PLAIN_DECIMAL]`.
PLAIN_DECIMAL = (
    AfterValidator(plain_decimal),
    BeforeValidator(_short_decimal_text),
    PlainSerializer(lambda value: format(value, "f"), return_type=str, when_used="json"),
    _DecimalTextSchema(),
)
