"""The record kinds of the registry.

Every record has a stable id ``KIND:slug``, its sources (citations, with the field they support and
the character span they came from) and the conflicts between sources, kept side by side.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeFloat, model_validator

from .fields import (
    Count,
    CountryCode,
    CountsByName,
    Iso3166_2,
    IsoDate,
    JsonObject,
    JsonValue,
    RecordId,
    SourceId,
    Ubigeo,
    date_ceiling,
    date_floor,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False, defer_build=True,
                              allow_inf_nan=False)


# --- provenance ------------------------------------------------------------------------------------------


class Citation(Strict):
    """Where a record, or one of its fields, comes from."""

    source: SourceId
    field: str | None = None
    span: tuple[Count, Count] | None = None
    quote: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _span_order(self) -> Citation:
        if self.span is not None and self.span[0] > self.span[1]:
            raise ValueError("span: start is after end")
        return self


class ConflictValue(Strict):
    value: JsonValue
    source: RecordId | None = None
    note: str | None = None


class SourceConflict(Strict):
    """Two or more sources that disagree on a field; kept, never silently resolved."""

    field: str
    values: list[ConflictValue] = Field(min_length=2)
    note: str | None = None
    chosen: JsonValue = None


class Record(Strict):
    kind: ClassVar[str] = ""
    links: ClassVar[tuple[str, ...]] = ()  # the fields holding other records' ids (one id or a list of them)
    id: RecordId
    sources: list[Citation] = Field(default_factory=list)
    conflicts: list[SourceConflict] = Field(default_factory=list)
    notes: str | None = None

    @model_validator(mode="after")
    def _id_kind(self) -> Record:
        if not self.id.startswith(self.kind + ":"):
            raise ValueError(f"id: {self.id!r} does not start with {self.kind + ':'!r}")
        return self

    @property
    def slug(self) -> str:
        return self.id.split(":", 1)[1]

    def label(self) -> str:
        fields = self.__dict__
        for name in ("name", "title", "subject", "number"):
            value = fields.get(name)
            if value:
                return str(value)
        return self.id

    def interval(self) -> tuple[str | None, str | None]:
        """The interval the record covers, as ISO day bounds (for indexing)."""
        fields = self.__dict__
        start = fields.get("start") or fields.get("date")
        end = fields.get("end") or fields.get("date")
        return (date_floor(start) if start else None, date_ceiling(end) if end else None)

    def references(self) -> set[str]:
        """Record ids this record points to: its sources, the sources of its conflicts and its ``links``."""
        fields = self.__dict__
        refs = {c.source for c in self.sources}
        for c in self.conflicts:
            refs.update(v.source for v in c.values if v.source)
        for name in self.links:
            value = fields[name]
            if isinstance(value, str):
                refs.add(value)
            elif value:
                refs.update(value)
        return refs


def _check_interval(record: Any, start: str = "start", end: str = "end") -> None:
    a, b = getattr(record, start, None), getattr(record, end, None)
    if a and b and date_floor(a) > date_ceiling(b):
        raise ValueError(f"{end}: {b} is before {start} {a}")


# --- enums -----------------------------------------------------------------------------------------------


class InstrumentType(StrEnum):
    CONSTITUTION = "CONSTITUTION"
    RL = "RL"
    RM = "RM"
    RS = "RS"
    LEY = "LEY"
    DS = "DS"
    AGREEMENT = "AGREEMENT"
    TREATY = "TREATY"
    BILL = "BILL"
    OTHER = "OTHER"


class Purpose(StrEnum):
    TRAINING = "training"
    EXERCISE = "exercise"
    HUMANITARIAN = "humanitarian"
    DISASTER_RELIEF = "disaster_relief"
    COUNTER_NARCOTICS = "counter_narcotics"
    MEDICAL_RESEARCH = "medical_research"
    COORDINATION_VISIT = "coordination_visit"
    ACADEMIC = "academic"
    SHIP_VISIT = "ship_visit"
    EVENT_SECURITY = "event_security"
    LOGISTICS = "logistics"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class FacilityStatus(StrEnum):
    PLANNED = "planned"
    ESTABLISHED = "established"
    OPERATING = "operating"
    DISMANTLED = "dismantled"
    SITE_RESTORED = "site_restored"


class ProcurementStatus(StrEnum):
    REQUESTED = "requested"
    NOTIFIED = "notified"
    OFFERED = "offered"
    CONTRACTED = "contracted"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class PlaceLevel(StrEnum):
    COUNTRY = "country"
    DEPARTMENT = "department"
    PROVINCE = "province"
    DISTRICT = "district"
    CITY = "city"
    AREA = "area"
    FACILITY = "facility"
    SEA = "sea"


class Rating(StrEnum):
    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    MIXED = "mixed"
    MISLEADING = "misleading"
    FALSE = "false"
    UNPROVEN = "unproven"


# --- kinds -----------------------------------------------------------------------------------------------


class Source(Record):
    kind: ClassVar[str] = "source"
    url: str | None = None
    document: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: IsoDate | None = None
    retrieved: IsoDate | None = None
    language: str | None = None
    reliability: Literal["official", "press", "academic", "dataset", "partisan", "other"] | None = None
    sha256: str | None = None

    @model_validator(mode="after")
    def _locator(self) -> Source:
        if not self.url and not self.document:
            raise ValueError("a source needs a url or a document")
        return self


class Place(Record):
    kind: ClassVar[str] = "place"
    links = ("parent",)
    name: str = Field(min_length=1)
    level: PlaceLevel
    country: CountryCode
    iso_3166_2: Iso3166_2 | None = None
    ubigeo: Ubigeo | None = None
    parent: RecordId | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    aliases: list[str] = Field(default_factory=list)


class Site(Record):
    kind: ClassVar[str] = "site"
    links = ("place",)
    name: str = Field(min_length=1)
    host_country: CountryCode
    place: RecordId | None = None
    site_type: Literal["host_facility", "city", "region", "sea_area", "foreign_facility", "funded_facility",
                       "embassy", "other"] = "host_facility"
    operator: str | None = None
    controlled_by: CountryCode | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    tenants: list[str] = Field(default_factory=list)
    labels: list[JsonObject] = Field(default_factory=list)
    facts: JsonObject = Field(default_factory=dict)
    start: IsoDate | None = None
    end: IsoDate | None = None

    @model_validator(mode="after")
    def _interval(self) -> Site:
        _check_interval(self)
        return self


class Bill(Record):
    kind: ClassVar[str] = "bill"
    links = ("enacted_as",)
    jurisdiction: CountryCode
    number: str = Field(pattern=r"^\d+$")
    full_number: str | None = None
    title: str | None = None
    proposed_by: str | None = None
    filed: IsoDate | None = None
    enacted_as: RecordId | None = None


class Instrument(Record):
    kind: ClassVar[str] = "instrument"
    links = ("modifies", "bill")
    jurisdiction: CountryCode
    type: InstrumentType
    number: str | None = None
    title: str | None = None
    issued_date: IsoDate | None = None
    published_date: IsoDate | None = None
    bill: RecordId | None = None
    modifies: list[RecordId] = Field(default_factory=list)
    legal_basis: list[str] = Field(default_factory=list)
    published: bool | None = None


class Authorization(Record):
    kind: ClassVar[str] = "authorization"
    links = ("places", "instrument", "bill")
    instrument: RecordId | None = None
    bill: RecordId | None = None
    visiting_country: CountryCode
    host_country: CountryCode
    armed: bool | None = None
    purpose: str | None = None
    purpose_category: Purpose = Purpose.OTHER
    start: IsoDate | None = None
    end: IsoDate | None = None
    personnel: Count | None = None
    places: list[RecordId] = Field(default_factory=list)
    places_as_written: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    host_units: list[str] = Field(default_factory=list)
    equipment: list[JsonObject] = Field(default_factory=list)
    date_change_allowed_by: str | None = None

    @model_validator(mode="after")
    def _interval(self) -> Authorization:
        _check_interval(self)
        return self


class Activity(Record):
    kind: ClassVar[str] = "activity"
    links = ("authorizations", "sites", "places")
    name: str = Field(min_length=1)
    activity_type: Literal["exercise", "training", "humanitarian_mission", "disaster_relief", "ship_visit",
                           "research", "event_security", "counter_narcotics", "coordination_visit",
                           "construction", "other"] = "other"
    purpose_category: Purpose = Purpose.OTHER
    status: ActivityStatus = ActivityStatus.PLANNED
    status_history: list[JsonObject] = Field(default_factory=list)
    visiting_countries: list[CountryCode] = Field(default_factory=list)
    host_country: CountryCode
    start: IsoDate | None = None
    end: IsoDate | None = None
    authorizations: list[RecordId] = Field(default_factory=list)
    sites: list[RecordId] = Field(default_factory=list)
    places: list[RecordId] = Field(default_factory=list)
    places_as_written: list[str] = Field(default_factory=list)
    personnel_planned: Count | None = None
    personnel_observed: Count | None = None
    # every nation's personnel together when a source gives only that (the visiting country's share unknown)
    personnel_observed_all_nations: Count | None = None
    armed: bool | None = None
    series: str | None = None

    @model_validator(mode="after")
    def _interval(self) -> Activity:
        _check_interval(self)
        return self


class LifecycleEvent(Strict):
    status: str
    date: IsoDate | None = None
    note: str | None = None


class TemporaryFacility(Record):
    kind: ClassVar[str] = "facility"
    links = ("activity", "site", "place")
    name: str = Field(min_length=1)
    facility_type: Literal["field_hospital", "base_camp", "clinic", "command_post", "other"] = "other"
    activity: RecordId | None = None
    site: RecordId | None = None
    place: RecordId | None = None
    visiting_country: CountryCode
    host_country: CountryCode
    lifecycle: list[LifecycleEvent] = Field(default_factory=list)
    personnel: Count | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _lifecycle(self) -> TemporaryFacility:
        order = [s.value for s in FacilityStatus]
        last = -1
        last_date = ""
        for event in self.lifecycle:
            if event.status not in order:
                raise ValueError(f"lifecycle: {event.status!r} is not one of {', '.join(order)}")
            index = order.index(event.status)
            if index < last:
                raise ValueError(f"lifecycle: {event.status!r} comes after {order[last]!r}")
            if event.date and last_date and date_ceiling(event.date) < date_floor(last_date):
                raise ValueError(f"lifecycle: {event.status} on {event.date} is before {last_date}")
            last = index
            last_date = event.date or last_date
        return self

    @property
    def status(self) -> str | None:
        return self.lifecycle[-1].status if self.lifecycle else None

    def interval(self) -> tuple[str | None, str | None]:
        dates = {e.status: e.date for e in self.lifecycle if e.date}
        start = dates.get("established") or dates.get("operating") or dates.get("planned")
        end = dates.get("dismantled") or dates.get("site_restored")
        return (date_floor(start) if start else None, date_ceiling(end) if end else None)


class Assistance(Record):
    kind: ClassVar[str] = "assistance"
    links = ("activity", "place", "site")
    title: str = Field(min_length=1)
    sector: Literal["health", "shelter", "wash", "education", "logistics", "protection", "food", "early_recovery",
                    "emergency_telecommunications", "disaster_preparedness", "equipment", "other"] = "other"
    provider: str
    provider_country: CountryCode
    host_country: CountryCode
    partners: list[str] = Field(default_factory=list)
    activity: RecordId | None = None
    place: RecordId | None = None
    site: RecordId | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    quantity: NonNegativeFloat | None = None
    unit: str | None = None
    reached: Count | None = None
    value_usd: NonNegativeFloat | None = None

    @model_validator(mode="after")
    def _interval(self) -> Assistance:
        _check_interval(self)
        return self


class VoteTotals(Strict):
    yes: Count
    no: Count
    abstain: Count
    no_answer: Count | None = None
    absent: Count | None = None
    on_leave: Count | None = None
    legal_number: Count | None = None
    other: Count | None = None


class Vote(Record):
    kind: ClassVar[str] = "vote"
    links = ("bill", "instrument")
    jurisdiction: CountryCode
    date: IsoDate
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}(:\d{2})?$")
    subject: str | None = None
    bill: RecordId | None = None
    instrument: RecordId | None = None
    totals: VoteTotals
    groups: list[JsonObject] = Field(default_factory=list)
    members: list[JsonObject] = Field(default_factory=list)
    result: Literal["approved", "rejected", "unknown"] = "unknown"
    reported: list[JsonObject] = Field(default_factory=list)


class PersonnelCount(Record):
    kind: ClassVar[str] = "personnel_count"
    visiting_country: CountryCode
    host_country: CountryCode
    date: IsoDate
    period: Literal["quarter", "year", "month", "day"] = "quarter"
    category: Literal["permanent", "observed", "authorized"] = "permanent"
    active_duty: Count | None = None
    reserve: Count | None = None
    civilians: Count | None = None
    total: Count | None = None
    by_service: CountsByName = Field(default_factory=dict)
    method: str | None = None
    flags: list[str] = Field(default_factory=list)


class Spending(Record):
    kind: ClassVar[str] = "spending"
    visiting_country: CountryCode
    host_country: CountryCode
    location: str
    year: int = Field(ge=1900, le=2100)
    amount_thousands_usd: float
    category: str | None = None
    site: RecordId | None = None


class Procurement(Record):
    kind: ClassVar[str] = "procurement"
    links = ("site",)
    title: str = Field(min_length=1)
    seller_country: CountryCode
    buyer_country: CountryCode
    case_number: str | None = None
    value_usd: NonNegativeFloat | None = None
    site: RecordId | None = None
    status: ProcurementStatus
    lifecycle: list[LifecycleEvent] = Field(default_factory=list)
    foreign_personnel: Count | None = None
    foreign_personnel_years: Count | None = None
    financed_by: str | None = None


class Claim(Record):
    kind: ClassVar[str] = "claim"
    links = ("about",)
    text: str = Field(min_length=1)
    text_en: str | None = None
    lang: Literal["es", "en"] = "es"
    date: IsoDate | None = None
    claimant: str | None = None
    appearance: str | None = None
    about: list[RecordId] = Field(default_factory=list)

    def label(self) -> str:
        return self.text


class Review(Record):
    kind: ClassVar[str] = "review"
    claim: RecordId
    rating: Rating
    reviewer: str
    reviewer_kind: Literal["external", "footprint", "editor"] = "external"
    date: IsoDate | None = None
    url: str | None = None
    original_rating: str | None = None
    summary: str | None = None
    evidence: list[RecordId] = Field(default_factory=list)
    proposed_rating: Rating | None = None

    def references(self) -> set[str]:
        return super().references() | {self.claim} | set(self.evidence)


KINDS: dict[str, type[Record]] = {
    cls.kind: cls
    for cls in (Source, Place, Site, Bill, Instrument, Authorization, Activity, TemporaryFacility, Assistance, Vote,
                PersonnelCount, Spending, Procurement, Claim, Review)
}
