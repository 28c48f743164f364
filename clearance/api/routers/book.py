"""GET/POST/DELETE /book: the counterparty book over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from clearance.api.deps import require
from clearance.exc import InputError, NotFound
from clearance.monitor.alerts import list_alerts
from clearance.monitor.book import (
    MAX_ID,
    MAX_NAME,
    BookEntry,
    ImportResult,
    entry_from_row,
    get_entries,
    iter_entries,
    list_changes,
    remove_entry,
    upsert_entries,
)
from clearance.screening.io import InputRow

__all__ = ["BookItem", "router"]

router = APIRouter(tags=["book"])
MAX_ENTRIES = 5000
MAX_TEXT = 2000  # an alias, identifier or free field value
MAX_VALUES = 100  # values of one list field
MAX_FIELDS = 50  # free fields of one entry

Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Many = Text | Annotated[list[Text], Field(max_length=MAX_VALUES)] | None
Scalar = Text | int | float | bool | None


class BookItem(BaseModel):
    """One entry to add or update: typed fields, plus free fields kept as attributes.

    Types are strict (a list where a name belongs is refused, never turned into text);
    ids, names and values have maximum lengths. Free fields hold text, numbers,
    booleans or lists of them.
    """

    model_config = ConfigDict(strict=True, extra="allow", populate_by_name=True)

    id: Annotated[str, StringConstraints(max_length=MAX_ID)] | None = Field(
        None, examples=["c-001"])
    name: Annotated[str, StringConstraints(max_length=MAX_NAME)] | None = Field(
        None, examples=["Nordwind Bakery GmbH"])
    schema_: Annotated[str, StringConstraints(max_length=32)] | None = Field(
        None, alias="schema", examples=["Company"])
    country: Many = Field(None, examples=[["de"]])
    birth_date: Annotated[str, StringConstraints(max_length=32)] | None = None
    birthDate: Annotated[str, StringConstraints(max_length=32)] | None = None  # noqa: N815 - FtM's name
    identifier: Many = None
    identifiers: Many = None
    aliases: Many = Field(None, examples=[["Nordwind Baeckerei"]])

    @model_validator(mode="after")
    def _free_fields(self) -> BookItem:
        extra = self.model_extra or {}
        if len(extra) > MAX_FIELDS:
            raise ValueError(f"at most {MAX_FIELDS} free fields")
        for key, value in extra.items():
            values = value if isinstance(value, list) else [value]
            if len(key) > 100 or len(values) > MAX_VALUES or not all(
                    _scalar(v) for v in values):
                raise ValueError(f"free field {key[:100]!r} must hold text (at most {MAX_TEXT} "
                                 f"characters), a number, a boolean or a list of at most "
                                 f"{MAX_VALUES} of them")
        return self


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float) or (
        isinstance(value, str) and len(value) <= MAX_TEXT)


@router.get("/book", dependencies=[Depends(require("read"))])
def book(
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**62)] = 0,
) -> list[dict[str, Any]]:
    """Entries in id order, a page at a time."""
    return [e.to_dict() for e in iter_entries(offset, limit)]


@router.get("/book/{book_id}", dependencies=[Depends(require("read"))])
def book_entry(book_id: str) -> dict[str, Any]:
    """One entry, what imports changed in it, and its alerts."""
    entry = get_entries([book_id]).get(book_id)
    if entry is None:
        raise NotFound(f"no book entry {book_id!r}")
    return {**entry.to_dict(), "changes": list_changes(book_id),
            "alerts": [a.to_dict() for a in list_alerts(book_id=book_id)]}


@router.post("/book")
def add_entries(
    actor: Annotated[str, Depends(require("screen"))],
    entries: Annotated[list[BookItem], Body(
        description="Entries like import rows: id, name, schema, country, birth_date, "
                    "identifiers, aliases, and free fields kept as attributes.",
        max_length=MAX_ENTRIES)],
) -> dict[str, Any]:
    """Add or update entries by id.

    A wrong type or length anywhere refuses the whole request (422, each error located
    by the item's index from 0 and its field); an item that is well-formed but unusable
    (no id or name, unknown schema, repeated id) is reported by position and skipped.
    """
    result = ImportResult()
    valid: list[BookEntry] = []
    seen: dict[str, int] = {}
    for position, model in enumerate(entries, start=1):
        item = model.model_dump(by_alias=True, exclude_unset=True)
        try:
            entry = entry_from_row(InputRow(position, item), "request body")
        except InputError as exc:
            result.skipped.append(str(exc).replace("line", "item"))
            continue
        if entry.id in seen:
            result.skipped.append(f"request body, item {position}: id {entry.id!r} repeats "
                                  f"item {seen[entry.id]} (field 'id')")
            continue
        seen[entry.id] = position
        valid.append(entry)
    upsert_entries(valid, f"api ({actor})", actor, result)
    return result.to_dict()


@router.delete("/book/{book_id}")
def remove(
    book_id: str,
    actor: Annotated[str, Depends(require("admin"))],
    reason: Annotated[str, Query(max_length=1000, description="Why (kept in the audit log).")]
    = "",
) -> dict[str, Any]:
    """Remove an entry: its alerts are closed as "removed" (history kept), audited."""
    return {"book_id": book_id, "removed": True,
            "alerts_closed": remove_entry(book_id, actor, reason.strip())}
