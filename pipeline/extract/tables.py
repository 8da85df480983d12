"""Table recognisers: find what a table means from its header words, not its position.

Each recogniser (one module per table type in `recognisers/`) looks for its header
vocabulary anywhere in the table and reads the rows under it; a table may hold several
blocks (the project self-evaluation table holds a funding block, a goals block, an
indicator block and a total row). A new province's layout is a new vocabulary entry or a
new recogniser module, not a branch in a long function.
"""

from pipeline.extract.recognisers.classification import read_classification
from pipeline.extract.recognisers.column_items import read_column_items
from pipeline.extract.recognisers.context import Ctx
from pipeline.extract.recognisers.fund_matrix import read_fund_matrix
from pipeline.extract.recognisers.line_items import read_line_items
from pipeline.extract.recognisers.scoring import read_scoring
from pipeline.extract.recognisers.self_eval import read_self_eval
from pipeline.extract.recognisers.summary import read_summary
from pipeline.extract.recognisers.totals import read_generic_totals
from pipeline.extract.recognisers.two_sided import read_two_sided

__all__ = [
    "Ctx",
    "read_classification",
    "read_column_items",
    "read_fund_matrix",
    "read_generic_totals",
    "read_line_items",
    "read_scoring",
    "read_self_eval",
    "read_summary",
    "read_two_sided",
]
