import random

from cronaca.ingest.offsets import MappedTextBuilder


def test_offsets_copy_and_replace_map_back():
    original = "Bi\u0161kek -\n\nla riunione\u00adcongiunta"
    b = MappedTextBuilder(original)
    b.copy(0, 8)  # "Biškek -"
    b.replace(" ", 8, 10)  # the line break and blank line
    b.copy(10, 21)  # "la riunione"
    b.replace("", 21, 22)  # soft hyphen dropped
    b.copy(22, len(original))
    m = b.build()
    assert m.text == "Bi\u0161kek - la riunionecongiunta"
    start = m.text.index("riunione")
    assert original[slice(*m.span_to_original(start, start + 8))] == "riunione"
    start = m.text.index("congiunta")
    assert original[slice(*m.span_to_original(start, start + 9))] == "congiunta"
    # a span over the replaced break covers the whole original break
    assert m.span_to_original(7, 10) == (7, 11)


def test_offsets_random_words_always_map_to_the_same_word():
    rng = random.Random(7)
    words = [
        "alfa",
        "beta",
        "gamma",
        "delta",
        "\u00e9t\u00e9",
        "\u041c\u043e\u0441\u043a\u0432\u0430",
    ]
    original = "".join(
        rng.choice(words) + rng.choice([" ", "\n\n", "  ", "\u00ad "]) for _ in range(300)
    )
    b = MappedTextBuilder(original)
    for i, ch in enumerate(original):
        if ch == "\u00ad":
            b.replace("", i, i + 1)
        elif ch == "\n":
            b.replace(" ", i, i + 1)
        else:
            b.copy(i, i + 1)
    m = b.build()
    pos = 0
    for word in m.text.split():
        start = m.text.index(word, pos)
        pos = start + len(word)
        s, e = m.span_to_original(start, pos)
        assert original[s:e] == word


def test_offsets_copy_table_must_keep_lengths():
    b = MappedTextBuilder("a\u00a0b")
    b.copy(0, 3, {0xA0: " "})
    assert b.build().text == "a b"
    try:
        b.copy(0, 3, {0xA0: "  "})
    except ValueError:
        return
    raise AssertionError("a copy that changes length must be refused")
