"""Traditional-script conversions read as simplified text; glosses dropped; figures kept."""

from pipeline.extract.prepare import prepare
from pipeline.model import Document, Paragraph
from pipeline.normalize.script import strip_glosses, to_simplified


def test_glosses_and_script() -> None:
    printed = "烏魯木齊市政務(wù)服務(wù)中心2023年度收入總計434.72萬元"
    assert strip_glosses(printed) == "烏魯木齊市政務服務中心2023年度收入總計434.72萬元"
    s = to_simplified(strip_glosses(printed))
    assert s == "乌鲁木齐市政务服务中心2023年度收入总计434.72万元"


def test_length_preserved() -> None:
    t = "“三公”經費財政撥款支出決算為17.06萬元,完成預算27萬元的63.2%。"
    assert len(to_simplified(t)) == len(t)


def test_simplified_document_untouched() -> None:
    text = "2021年度收入总计434.72万元，其中本年收入合计434.16万元。" * 3
    doc = Document(blocks=[Paragraph(index=1, text=text)])
    assert prepare(doc).blocks[0].text == text
    assert not doc.warnings
