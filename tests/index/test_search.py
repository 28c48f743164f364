"""Candidate generation: which list names a query name is compared with."""

from clearance.index.build import Index, build_index
from clearance.index.search import candidate_names
from clearance.match.prepare import PERSON, prepare_name


def _index(names: list[str]) -> Index:
    records = [{"entity_id": f"e-{k}", "dataset": "test", "source_id": str(k),
                "schema": "Person", "caption": name, "properties": {"name": [name]}}
               for k, name in enumerate(names)]
    # filler names give the test names' words the weight of rare words
    records += [{"entity_id": f"f-{k}", "dataset": "test", "source_id": f"f{k}",
                 "schema": "Person", "caption": f"FILLER{k}",
                 "properties": {"name": [f"FILLER{k} COMMON"]}} for k in range(40)]
    return build_index(records, "test")


def _candidates(index: Index, query: str, limit: int) -> set[str]:
    name = prepare_name(query, PERSON)
    return {index.names[i].text for i in candidate_names(index, name, limit).tolist()}


def test_a_list_word_two_query_words_nearly_spell_counts_once() -> None:
    # "Terbun Tarbin": each word is one letter from TERBIN; the one-word TERBIN must not
    # outrank the name that spells both words, one letter off each
    index = _index(["TERBIN", "TERBUS, Turbin"])
    assert _candidates(index, "Terbun Tarbin", 1) == {"TERBUS, Turbin"}
