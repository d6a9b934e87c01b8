"""Readers: turn files, directories, JSON records and standard input into raw records."""

from newsgraph.ingest.readers import RawRecord, read_inputs, read_records

__all__ = ["RawRecord", "read_inputs", "read_records"]
