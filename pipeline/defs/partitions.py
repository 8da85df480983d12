import hashlib

import dagster as dg

# One partition per input file, keyed by its path relative to the input folder (readable in
# the UI). Batch runs record each file's state there — a document that failed shows as a
# failed partition — and materializing one partition re-parses and reloads just that file.
documents_partitions = dg.DynamicPartitionsDefinition(name="documents")

# Characters Dagster refuses in partition keys, and a length past which keys become unwieldy.
_INVALID = ("...", "\a", "\b", "\f", "\n", "\r", "\t", "\v", "\0")
_MAX = 180


def partition_key(file_name: str) -> str:
    """The file's relative path; with a short hash of the path only where the path itself
    cannot be a key (a character Dagster refuses, or too long)."""
    if file_name and len(file_name) <= _MAX and not any(s in file_name for s in _INVALID):
        return file_name
    clean = file_name
    for s in _INVALID:
        clean = clean.replace(s, "_" if s != "..." else "…")
    short = hashlib.sha256(file_name.encode()).hexdigest()[:8]
    if len(clean) > _MAX:
        clean = "…" + clean[-(_MAX - 12):]
    return f"{clean} #{short}"


def is_legacy_key(key: str) -> bool:
    """Keys of earlier releases: the document's sha256 (64 hex digits)."""
    return len(key) == 64 and all(c in "0123456789abcdef" for c in key)
