"""The model refuses bad values at the boundary, with the field named."""

from __future__ import annotations

import pytest

from footprint.errors import InputError
from footprint.model import date_ceiling, date_floor, parse_record, record_json


def authorization(**extra: object) -> dict[str, object]:
    return {"id": "authorization:pe-rl-32214", "visiting_country": "US", "host_country": "PE", **extra}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (authorization(visiting_country="ZZ"), "visiting_country: 'ZZ' is not an ISO 3166-1 alpha-2 country code"),
        (authorization(start="2025-02-30"), "start: '2025-02-30' has no day 30"),
        (authorization(start="2025-13"), "start: '2025-13' has no month 13"),
        (authorization(start="1/14/80"), "start: '1/14/80' is not a date"),
        (authorization(start="2025-06-01", end="2025-05-31"), "end: 2025-05-31 is before start 2025-06-01"),
        (authorization(personnel=-1), "personnel: Input should be greater than or equal to 0"),
        (authorization(purpose_category="tourism"), "purpose_category: Input should be"),
        (authorization(colour="green"), "colour: Extra inputs are not permitted"),
        ({"id": "widget:x"}, "unknown record kind 'widget'"),
        ({"id": "no id here"}, "is not a record id"),
        ({"id": "site:x", "name": "a", "host_country": "PE", "lat": 91}, "lat: Input should be less than or equal"),
        ({"id": "place:pe-x", "name": "x", "level": "district", "country": "PE", "ubigeo": "12345"},
         "ubigeo: '12345' is not a ubigeo"),
        ({"id": "source:x"}, "a source needs a url or a document"),
        ({"id": "site:x", "name": "a", "host_country": "PE", "sources": [{"source": "site:y"}]},
         "is not a source record id"),
    ],
)
def test_bad_values_are_refused_naming_the_field(data: dict[str, object], message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_record(data, where="input.json")
    assert message in str(info.value)
    assert str(info.value).startswith("input.json")


def test_partial_dates_keep_their_precision_and_bounds() -> None:
    record = parse_record({"id": "activity:mme-1", "name": "UNITAS", "host_country": "PE", "start": "1980-01",
                           "end": "1980-02"})
    assert record.start == "1980-01"  # type: ignore[attr-defined]
    assert record.interval() == ("1980-01-01", "1980-02-29")
    assert date_floor("1983") == "1983-01-01" and date_ceiling("1983") == "1983-12-31"


def test_month_only_end_in_the_same_month_as_a_day_start_is_accepted() -> None:
    parse_record(authorization(start="2024-11-04", end="2024-11"))


def test_temporary_facility_lifecycle_must_move_forward() -> None:
    base = {"id": "facility:pe-camp", "name": "Camp", "visiting_country": "US", "host_country": "PE"}
    ok = parse_record({**base, "lifecycle": [{"status": "planned", "date": "2008-03-01"},
                                             {"status": "established", "date": "2008-05-20"},
                                             {"status": "dismantled", "date": "2008-09-05"}]})
    assert ok.status == "dismantled"  # type: ignore[attr-defined]
    assert ok.interval() == ("2008-05-20", "2008-09-05")
    with pytest.raises(InputError, match="comes after"):
        parse_record({**base, "lifecycle": [{"status": "dismantled"}, {"status": "operating"}]})
    with pytest.raises(InputError, match="is before"):
        parse_record({**base, "lifecycle": [{"status": "planned", "date": "2008-05-01"},
                                            {"status": "operating", "date": "2008-04-01"}]})


def test_bill_number_and_enacted_number_are_different_fields() -> None:
    bill = parse_record({"id": "bill:pe-5111", "jurisdiction": "PE", "number": "5111",
                         "enacted_as": "instrument:pe-rl-31757"})
    assert bill.references() == {"instrument:pe-rl-31757"}
    with pytest.raises(InputError, match="number"):
        parse_record({"id": "bill:pe-x", "jurisdiction": "PE", "number": "PRL 5111"})


def test_canonical_json_is_stable_and_drops_empty_defaults() -> None:
    a = parse_record(authorization(personnel=55, start="2025-01-01"))
    b = parse_record({"personnel": 55, **authorization(), "start": "2025-01-01", "sources": []})
    assert record_json(a) == record_json(b)
    assert b'"sources"' not in record_json(a)


def test_former_states_use_iso_3166_3_codes() -> None:
    record = parse_record({"id": "personnel_count:us-su-1990q1", "visiting_country": "US", "host_country": "SU",
                           "date": "1990-03"})
    assert record.host_country == "SU"  # type: ignore[attr-defined]


def test_canonical_json_sorts_nested_keys() -> None:
    a = parse_record({"id": "site:pe-x", "name": "X", "host_country": "PE", "facts": {"b": 1, "a": {"d": 2, "c": 3}}})
    b = parse_record({"id": "site:pe-x", "name": "X", "host_country": "PE", "facts": {"a": {"c": 3, "d": 2}, "b": 1}})
    assert record_json(a) == record_json(b)


def test_year_zero_and_huge_integers() -> None:
    with pytest.raises(InputError, match="has no year 0"):
        parse_record(authorization(start="0000"))
    with pytest.raises(InputError, match="site:pe-x: facts: 1180591620717411303424 is beyond the 64-bit"):
        parse_record({"id": "site:pe-x", "name": "X", "host_country": "PE", "facts": {"n": [2**70]}})
    with pytest.raises(InputError, match="personnel: Input should be less than or equal to 9223372036854775807"):
        parse_record(authorization(personnel=2**63))
    with pytest.raises(InputError, match="facts: inf is not a finite number"):
        parse_record({"id": "site:pe-x", "name": "X", "host_country": "PE", "facts": {"n": {"m": float("inf")}}})
    with pytest.raises(InputError, match="lat: Input should be a finite number"):
        parse_record({"id": "site:pe-x", "name": "X", "host_country": "PE", "lat": float("nan")})
