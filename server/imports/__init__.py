"""Bulk import of a city's earlier proposals (CSV or XLSX): read, check every row, then write all of
them in one transaction or none. See docs/import.md for the columns."""
