"""Table recognisers, one module per table type (see pipeline/extract/tables.py)."""
