"""The model refuses bad values at the boundary, with the field named."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import SchemaValidator, core_schema

from footprint import model
from footprint.errors import InputError
from footprint.model import check_country, check_date, date_ceiling, date_floor, parse_record, record_json
from footprint.model.fields import (
    COUNTRY_CODES,
    COUNTRY_PATTERN,
    DATE_PATTERN,
    RECORD_ID_PATTERN,
    check_record_id,
)


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


# --- the checks pydantic runs in its own code, against the Python checks that word their problems -------------

ASCII_DATES = st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z", fullmatch=True)


def pattern_accepts(pattern: str, value: str) -> bool:
    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern)).validate_python(value)
    except ValidationError:
        return False
    return True


def check_accepts(check: Callable[[str], object], value: str) -> bool:
    try:
        check(value)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 9999])
def test_date_pattern_accepts_exactly_the_dates_check_date_accepts_every_day_of_a_year(year: int) -> None:
    for text in [f"{year:04d}"] + [f"{year:04d}-{month:02d}" for month in range(14)] + \
            [f"{year:04d}-{month:02d}-{day:02d}" for month in range(14) for day in range(33)]:
        assert pattern_accepts(DATE_PATTERN, text) == check_accepts(check_date, text), text


@given(st.one_of(ASCII_DATES, st.text(max_size=12), st.builds(str.__add__, ASCII_DATES, st.sampled_from(["\n", " "])),
                 st.sampled_from(["0000", "0000-02-29", "٢٠٢٠", "２０２０-01"])))
@settings(max_examples=500, deadline=None)
def test_date_pattern_and_check_date_agree_on_any_text(text: str) -> None:
    assert pattern_accepts(DATE_PATTERN, text) == check_accepts(check_date, text)


@given(st.one_of(st.from_regex(RECORD_ID_PATTERN, fullmatch=True), st.text(max_size=12)),
       st.sampled_from(["", "\n", " "]))
@settings(max_examples=300, deadline=None)
def test_record_id_pattern_and_check_record_id_agree_on_any_text(text: str, tail: str) -> None:
    assert pattern_accepts(RECORD_ID_PATTERN, text + tail) == check_accepts(check_record_id, text + tail)


def test_country_codes_are_pycountrys_with_former_states_and_kosovo() -> None:
    pycountry = pytest.importorskip("pycountry")
    known = {c.alpha_2 for c in pycountry.countries} | {c.alpha_2 for c in pycountry.historic_countries} | {"XK"}
    assert known == COUNTRY_CODES


@pytest.mark.parametrize(("given", "stored"), [("PE", "PE"), ("pe", "PE"), (" Us ", "US"), ("su", "SU")])
def test_country_codes_in_either_case_are_stored_upper_case(given: str, stored: str) -> None:
    assert parse_record(authorization(visiting_country=given)).visiting_country == stored  # type: ignore[attr-defined]


@pytest.mark.parametrize("given", ["ZZ", "ＰＥ", "\u017fe", "\u212aE", "P", "PER", ""])
def test_country_codes_refused_by_pattern_and_by_check_country_alike(given: str) -> None:
    assert not pattern_accepts(COUNTRY_PATTERN, given) and not check_accepts(check_country, given)
    with pytest.raises(InputError, match="visiting_country: .* is not an ISO 3166-1 alpha-2 country code"):
        parse_record(authorization(visiting_country=given))


# --- many records at once ---------------------------------------------------------------------------------


def many(count: int) -> list[dict[str, object]]:
    return [authorization(id=f"authorization:pe-{i}", start=f"20{i % 30:02d}-0{i % 9 + 1}", personnel=i,
                          places_as_written=[" Iquitos ", "Ñaña"])
            for i in range(count)]


@pytest.mark.parametrize("batch_from", [1, 10_000])
def test_parse_records_gives_what_parse_record_gives(monkeypatch: pytest.MonkeyPatch, batch_from: int) -> None:
    monkeypatch.setattr(model, "BATCH_FROM", batch_from)
    items: list[object] = [*many(30), {"kind": "source", "id": "source:x", "url": "https://example.org"}]
    records = model.parse_records(items)
    assert [record_json(r) for r in records] == [record_json(parse_record(item)) for item in items]


@pytest.mark.parametrize("batch_from", [1, 10_000])
@pytest.mark.parametrize(("bad", "message"), [
    ({"id": "authorization:pe-9", "visiting_country": "US", "host_country": "PE", "start": "2025-02-29"},
     "f[7]: authorization:pe-9: start: '2025-02-29' has no day 29"),
    ([1, 2], "f[7]: expected a JSON object, got list"),
    ({"id": "gadget:x"}, "f[7]: id: unknown record kind 'gadget'"),
])
def test_parse_records_names_the_first_bad_item_as_parse_record_does(monkeypatch: pytest.MonkeyPatch, batch_from: int,
                                                                    bad: object, message: str) -> None:
    monkeypatch.setattr(model, "BATCH_FROM", batch_from)
    items: list[object] = [*many(7), bad, *many(3)]
    with pytest.raises(InputError) as info:
        model.parse_records(items, [f"f[{i}]" for i in range(len(items))])
    assert str(info.value).startswith(message)


def test_parse_records_takes_records_that_carry_their_kind_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "BATCH_FROM", 1)
    items = [{**item, "kind": "authorization"} for item in many(20)]
    expected = [record_json(parse_record(item)) for item in items]

    def one_by_one(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated one by one")

    monkeypatch.setattr(model, "parse_record", one_by_one)
    assert [record_json(r) for r in model.parse_records(items)] == expected
