"""The stored name explanation split into token rows for the case page's table."""

from clearance.web.explain import explanation_rows


def test_name_detail_becomes_token_rows_and_leftovers() -> None:
    (row, country) = explanation_rows([
        {"name": "name", "value": 0.934, "detail": "'Andrey Vladimirovich Khokhlof' ~ "
         "'KHOKHLOV, Andrei Vladimirovich': vladimirovich~vladimirovich (1.00, w=0.57); "
         "andrey~andrei (0.95, w=0.56); khokhlof~khokhlov (0.89, w=1.00); query only: x; "
         "list only: lee kim"},
        {"name": "country", "value": 0.02, "detail": "country ru agrees"}])
    assert (row.query_name, row.list_name) == ("Andrey Vladimirovich Khokhlof",
                                               "KHOKHLOV, Andrei Vladimirovich")
    assert [(t.query, t.listed, t.similarity, t.weight) for t in row.tokens] == [
        ("vladimirovich", "vladimirovich", 1.0, 0.57), ("andrey", "andrei", 0.95, 0.56),
        ("khokhlof", "khokhlov", 0.89, 1.0)]
    assert row.query_only == ["x"] and row.list_only == ["lee", "kim"]
    assert country.tokens == [] and country.value == 0.02


def test_joined_words_and_unparsed_parts_are_kept() -> None:
    (row,) = explanation_rows([{"name": "name", "value": 0.9, "detail":
                                "'Hik Vision' ~ 'HIKVISION': hik vision~hikvision (0.97, "
                                "w=0.93); something new"}])
    assert row.tokens[0].query == "hik vision" and row.notes == ["something new"]
