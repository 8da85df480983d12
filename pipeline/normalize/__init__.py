"""Plain-Python normalisation of what the reports print: numbers, money units, percentages,
indicator targets, unit/project names, grades and text. No project, DuckDB or Dagster imports."""
