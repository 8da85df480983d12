"""A bare number in the label column is a functional code only under a known class (G 822)."""

from pipeline.extract.vocabulary import line_item_code


def test_shifted_data_cells_are_no_codes() -> None:
    # '| 5711 | 15348 | 17.19 | 14032 | 9.38 |' — a pipe row broken across lines
    for cell in ("5711", "15348", "14032", "631", "1894"):
        assert line_item_code(cell) is None


def test_real_codes_still_read() -> None:
    assert line_item_code("201") == "func:201"
    assert line_item_code("2010101") == "func:2010101"
    assert line_item_code("10101") == "func:10101"
    assert line_item_code("20101 行政运行") == "func:20101"
