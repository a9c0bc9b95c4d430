"""Turning an uploaded file into a header and rows of text cells.

CSV arrives as Korean spreadsheets export it: UTF-8 (with or without the BOM Excel writes) or CP949
(Excel's "CSV" in a Korean Windows). The encoding is detected — a BOM, else strict UTF-8, else strict
CP949 — and anything else is refused with a clear error rather than imported as mojibake. XLSX is read
with openpyxl in read-only mode: it streams the sheet's XML row by row instead of building the whole
workbook in memory (a 20 MB sheet would take gigabytes otherwise), and formulas come through as the
text written in the cell (``=SUM(A1:A3)``), never calculated. Limits are checked as the file is read,
so an oversized one is refused before anything is written."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from server.errors import DomainError
from server.i18n import msg
from server.upload_reader import too_large
from server.imports.errors import ImportErrorCode as C

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_CELL = 20_000  # characters; the longest column (the body) allows far less
MAX_XLSX_UNPACKED = 400 * 1024 * 1024  # a zip bomb is refused before openpyxl opens it

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls


@dataclass(frozen=True)
class Table:
    format: str  # "csv" | "xlsx"
    encoding: str | None  # "utf-8", "utf-8-sig", "cp949"; None for xlsx
    header: list[str]
    rows: list[list[str]]  # rows[i] is spreadsheet row i + 2 (row 1 is the header)
    formula_cells: frozenset[tuple[int, int]]  # (row index, column index) written as a formula


def read_table(data: bytes, filename: str | None = None) -> Table:
    if not data or not data.strip():
        raise DomainError(C.EMPTY_FILE, "The file is empty.", "file")
    if len(data) > MAX_BYTES:
        raise too_large(C.FILE_TOO_LARGE, MAX_BYTES)
    name = (filename or "").lower()
    if data.startswith(_OLE) or name.endswith(".xls"):
        raise DomainError(C.UNSUPPORTED_FORMAT, "Old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV.", "file")
    if data.startswith(_ZIP):
        return _read_xlsx(data)
    if name.endswith((".xlsx", ".xlsm")):
        raise DomainError(C.INVALID_FILE, "The file is named .xlsx but is not an Excel workbook.", "file")
    return _read_csv(data)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DomainError(C.INVALID_ENCODING, "The file is UTF-16 text; save it as CSV in UTF-8 or CP949.", "file")
    else:
        encodings = ("utf-8", "cp949")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # a binary file that happens to decode
        return text, encoding
    raise DomainError(C.INVALID_ENCODING,
                      "The file is neither UTF-8 nor CP949 (EUC-KR) text; save it as CSV in UTF-8 and try again.", "file")


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    formulas: set[tuple[int, int]] = set()
    header: list[str] | None = None
    try:
        for record in reader:
            if header is None:
                header = record
                continue
            if not any(cell.strip() for cell in record):
                continue  # blank lines at the end of an export
            if len(rows) >= MAX_ROWS:
                raise _too_many()
            rows.append(record)
    except csv.Error as exc:
        raise DomainError(C.INVALID_FILE, msg("Row {row}: the CSV cannot be read ({detail}).",
                                              row=reader.line_num, detail=str(exc)), "file") from None
    if header is None or not any(h.strip() for h in header):
        raise DomainError(C.EMPTY_FILE, "The file is empty.", "file")
    for i, record in enumerate(rows):
        for j, cell in enumerate(record):
            if cell.startswith("="):
                formulas.add((i, j))
    return Table("csv", encoding, header, rows, frozenset(formulas))


def _too_many() -> DomainError:
    return DomainError(C.TOO_MANY_ROWS, msg("The file has more than {max} rows; split it into smaller files.",
                                            max=f"{MAX_ROWS:,}"), "file")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_XLSX_UNPACKED:
                raise DomainError(C.FILE_TOO_LARGE, "The workbook unpacks to more than the import allows.", "file")
    except zipfile.BadZipFile:
        raise DomainError(C.INVALID_FILE, "The file is not a readable Excel workbook.", "file") from None
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise DomainError(C.INVALID_FILE, "The file is not a readable Excel workbook.", "file") from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise DomainError(C.EMPTY_FILE, "The file is empty.", "file")
        header: list[str] | None = None
        rows: list[list[str]] = []
        formulas: set[tuple[int, int]] = set()
        for values in ws.iter_rows(values_only=True):
            cells = [_cell_text(v) for v in values]
            if header is None:
                if not any(c.strip() for c in cells):
                    continue
                header = cells
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many()
            for j, (v, c) in enumerate(zip(values, cells)):
                if isinstance(v, str) and v.startswith("="):
                    formulas.add((len(rows), j))
            rows.append(cells)
    finally:
        wb.close()
    if header is None:
        raise DomainError(C.EMPTY_FILE, "The file is empty.", "file")
    return Table("xlsx", None, header, rows, frozenset(formulas))
