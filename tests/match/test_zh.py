"""Chinese organisation names: business terms and places read as the lists write them."""

import pytest

from clearance.match import zh


@pytest.mark.parametrize(("text", "reading"), [
    ("新疆生产建设兵团", "xinjiang production and construction corps"),
    ("大疆创新科技有限公司", "dji innovation technology co ltd"),
    ("中国航天科工集团有限公司", "china aerospace science and industry group co ltd"),
    ("昆仑银行", "kun lun bank"),  # a place that is no prefecture city stays pinyin
    ("长春国科精密光学技术有限公司", "changchun guo ke precision optics technology co ltd"),
])
def test_business_terms_read_as_the_lists_english_words(text: str, reading: str) -> None:
    assert zh.romanize(text) == reading


@pytest.mark.parametrize(("text", "reading"), [
    ("广西壮族自治区南宁市", "guangxi nanning"),  # a province's full name, seven characters
    ("新疆维吾尔自治区", "xinjiang"),
    ("宁夏回族自治区银川市", "ningxia yinchuan"),
    ("内蒙古自治区包头市", "inner mongolia baotou"),
    ("香港特别行政区", "hong kong"),
])
def test_provinces_read_whole_even_in_their_long_official_form(text: str, reading: str) -> None:
    assert zh.romanize(text) == reading


def test_a_name_holding_a_new_term_is_still_no_persons_name() -> None:
    assert zh.person_tokens("生产建设") is None
    assert zh.person_tokens("王建国") == ["wang", "jianguo"]


@pytest.mark.parametrize(("traditional", "reading"), [
    # Hong Kong, Taiwan and Macau registers write traditional characters: 船務 is 船务
    ("華信船務(香港)有限公司", "hua xin shipping ( hong kong ) co ltd"),
    ("商湯集團有限公司", "sensetime group co ltd"),  # 集團 is 集团, a brand's 湯 is 汤
    ("台積電子科技股份有限公司", "tai ji electronics technology co ltd"),
])
def test_a_name_in_traditional_characters_meets_the_terms_as_in_simplified(
        traditional: str, reading: str) -> None:
    assert zh.romanize(traditional) == reading
    assert zh.romanize(traditional) == zh.romanize(zh.simplified(traditional))


def test_the_traditional_table_keeps_only_characters_the_terms_need() -> None:
    table = zh._simplified()
    keys = "".join(zh.term_table())
    assert table and all(simple in keys for simple in table.values())
    assert zh.simplified("王偉") == "王偉"  # 偉 is in no term: the name passes unchanged
