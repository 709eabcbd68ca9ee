"""Entity recognition: known names from the knowledge base, unknown ones from rules.

1. The alias matcher finds every known name (countries, cities, organizations, people,
   treaties) in one pass.
2. Rules find what the knowledge base lacks: people from runs of capitalised words with a cue
   (a title before or after, a given name, a surname ending, an honorific); organizations from
   acronym definitions and organization heads ("Ministero degli Esteri"); places after a
   preposition or a place noun ("residenza di Ala-Archa").
3. Within the document a surname alone, or an acronym, refers back to the full name.
Names the rules find get a key from their spelling skeleton, so Japarov and Жапаров meet.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import ClassVar

from wordfreq import zipf_frequency

from cronaca.extract.cues import Cues, TitleMatch, load_cues
from cronaca.extract.tokens import Token, token_range, tokenize
from cronaca.kb.fold import fold, skeleton
from cronaca.kb.loader import KBEntry
from cronaca.kb.matcher import AliasMatcher, Match, inflected, kb_matcher
from cronaca.model import Document, EntityType, Mention, Span

MAX_NAME_TOKENS = 4
MAX_TITLE_GAP = 8  # tokens between a title and the name it introduces
ACRONYM = re.compile(r"\(([A-ZА-ЯЁ][A-ZА-ЯЁ0-9&]{1,9})\)")
MAX_LONG_FORM = 10  # tokens looked back from an acronym for its long form
MAX_DOCUMENT_WORDS = 8  # words of a document name's complement
MIN_DOCUMENT_COMPLEMENT = 2  # "piano per lo sviluppo ...", not "piano per lo"
COMMON_ZIPF = 4.0  # wordfreq's Zipf scale: 4 is once per 10,000 words
FUNCTION_ZIPF = 5.5  # as frequent as "fino", "al", "the": function words


@dataclass
class Found:
    """An entity mention in cleaned-text offsets."""

    start: int
    end: int
    key: str
    type: EntityType
    name: str
    role: str | None = None  # a person's position code, as stated beside the name
    extra: dict[str, str] = field(default_factory=dict)


class ExtractEntities:
    """Stage: fills `doc.mentions` with the entities the text names."""

    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.clean", "doc.meta"})
    produces: ClassVar[frozenset[str]] = frozenset({"doc.mentions"})

    def __call__(self, doc: Document) -> Document:
        found = find_entities(
            doc.clean_text, load_cues(doc.meta.language or "en"), doc, doc.clean_folded
        )
        assert doc.clean is not None
        mentions = []
        for f in found:
            start, end = doc.clean.span_to_original(f.start, f.end)
            surface = " ".join(doc.clean_text[f.start : f.end].split())
            mentions.append(
                Mention(
                    Span(start, end),
                    surface,
                    f.key,
                    f.type,
                    f.name,
                    role=f.role,
                    clean_span=Span(f.start, f.end),
                )
            )
        doc.mentions = mentions
        return doc


def find_entities(
    text: str, cues: Cues, doc: Document | None = None, folded: str | None = None
) -> list[Found]:
    """Every entity mention in a cleaned text, without overlaps, in text order."""
    folded = fold(text) if folded is None else folded
    tokens = tokenize(text, folded)
    titles = cues.find_titles(text, folded)
    known = kb_matcher().find(text, folded)
    found: list[Found] = []
    taken = bytearray(len(text))  # 1 where a mention already stands

    def add(f: Found) -> None:
        if 1 in taken[f.start : f.end]:
            return
        found.append(f)
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)

    named = find_people(tokens, titles, known, cues)
    for f in named:
        if f.type == "person":
            add(f)
    for m in known:
        add(from_kb(m))
    for f in find_acronym_orgs(text, tokens, known, cues):
        add(f)
    for f in find_orgs(tokens, cues):
        add(f)
    for f in named:
        add(f)
    names = {fold(w) for f in found if f.type == "person" for w in f.name.split()}
    for f in find_places(tokens, cues, names):
        add(f)
    for f in find_documents(tokens, cues, doc.sha256[:8] if doc else ""):
        add(f)
    if doc is not None:
        for f in from_metadata(text, doc):
            add(f)
    for f in refer_back(text, found, folded):
        add(f)
    return sorted(found, key=lambda f: f.start)


def from_kb(m: Match) -> Found:
    e = m.entry
    return Found(m.start, m.end, e.key, e.type, e.name)  # a role comes from the text only


# ----- people ---------------------------------------------------------------------------------


def name_runs(tokens: list[Token], cues: Cues, known: list[Match]) -> list[tuple[int, int]]:
    """[i, j) token ranges of capitalised words (with particles such as "von" inside). A run
    stops at a known country, organization or place ("Tagikistan Emomali Rahmon"), and a
    place or organization head starts a new one ("Marineübungen Port Seline")."""
    breaks = {
        k
        for m in known
        if m.entry.type != "person"
        and not (m.entry.type == "location" and fold(m.alias) in cues.given_names)
        for k in token_range(tokens, m.start, m.end)
    }
    runs = []
    i, n = 0, len(tokens)
    while i < n:
        if i in breaks or not is_name_word(tokens[i], cues):
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j].sentence == tokens[i].sentence and j not in breaks:
            # a place or organization head starts a name of its own: "Marineübungen Port Seline"
            head = (
                tokens[j].folded in cues.place_heads | cues.org_heads
                and j + 1 < n
                and is_name_word(tokens[j + 1], cues)
            )
            if is_name_word(tokens[j], cues) and not head:
                j += 1
            elif (
                tokens[j].text in cues.particles
                and j + 1 < n
                and j + 1 not in breaks
                and is_name_word(tokens[j + 1], cues)
                and tokens[j + 1].folded not in cues.place_heads | cues.org_heads
            ):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def is_name_word(tok: Token, cues: Cues) -> bool:
    if not tok.capitalized:  # "al-Hamadi", "bin-Salman": a particle fused to a capital
        head, _, rest = tok.text.partition("-")
        return bool(rest) and rest[0].isupper() and head in cues.particles
    return name_word(tok.text, cues)


@lru_cache(maxsize=1 << 16)
def name_word(text: str, cues: Cues) -> bool:
    """A word that can be part of a name: letters (and hyphens), not a stop word."""
    return text.replace("-", "").isalpha() and fold(text) not in cues.stop


def title_before(tokens: list[Token], i: int, titles: list[TitleMatch]) -> TitleMatch | None:
    """A title ending shortly before token i, in the same sentence, nothing but a few words,
    an adjective or a comma between ("il viceministro degli Esteri armeno Mnatsakan ...")."""
    start = tokens[i].start
    for t in reversed(titles):
        if t.end > start:
            continue
        between = [tokens[k] for k in token_range(tokens, t.end, start)]
        if len(between) > MAX_TITLE_GAP or any(b.sentence != tokens[i].sentence for b in between):
            return None
        if any(b.text in {".", ";", ":", "!", "?", "(", ")", "«", "»", '"'} for b in between):
            return None
        return t
    return None


def title_after(tokens: list[Token], j: int, titles: list[TitleMatch]) -> TitleMatch | None:
    """A title right after a name: "Sagynbek Abdumutalip, capo del dipartimento"."""
    if j >= len(tokens):
        return None
    k = j + 1 if tokens[j].text == "," else j
    if k >= len(tokens):
        return None
    for t in titles:
        if (
            tokens[k].start <= t.start <= tokens[k].end + 1
            and tokens[k].sentence == tokens[j - 1].sentence
        ):
            return t
    return None


def find_people(
    tokens: list[Token], titles: list[TitleMatch], known: list[Match], cues: Cues
) -> list[Found]:
    """Names the knowledge base lacks (and known people written with more words), typed by
    their cues: people, organizations, places. Runs with no cue are dropped, unless a list
    ties them to typed neighbours ("Sun Wei e Rania Haddad", "Orsenia, Karvia e Bulgaria")."""
    typed: dict[tuple[int, int], Found | None] = {}
    for i, j in name_runs(tokens, cues, known):
        i = trim_run(tokens, i, j, titles, cues)
        if i < j:
            typed[(i, j)] = classify_run(tokens, i, j, titles, known, cues)
    link_lists(tokens, typed, known, cues)
    return [f for f in typed.values() if f is not None]


def trim_run(tokens: list[Token], i: int, j: int, titles: list[TitleMatch], cues: Cues) -> int:
    """Drops what starts a run but is no name: a title written in capitals ("Prime Minister"),
    a demonym, a common word at the start of a sentence or a German noun ("Meeresbiologe")."""
    # a title inside the run, or reaching into it ("ministro degli Esteri Karimov")
    inside = [t for t in titles if t.start < tokens[j - 1].end and t.end > tokens[i].start]
    if inside:
        end = max(t.end for t in inside)
        while i < j and tokens[i].start < end:
            i += 1
    while i < j - 1 and not cues.is_given_name(tokens[i].text):
        starts_sentence = i == 0 or tokens[i - 1].sentence != tokens[i].sentence
        common = (starts_sentence or cues.capitalized_nouns) and is_common_word(
            tokens[i].text, cues.code
        )
        if not (common or tokens[i].text.lower() in cues.demonyms):
            break
        i += 1
    if j - i >= 3 and not cues.is_given_name(tokens[i].text):
        # "Meeresbiologe Tobias Lanz": the name starts at the given name
        i = next((k for k in range(i + 1, j - 1) if cues.is_given_name(tokens[k].text)), i)
    return i


def classify_run(
    tokens: list[Token], i: int, j: int, titles: list[TitleMatch], known: list[Match], cues: Cues
) -> Found | None:
    start, end = tokens[i].start, tokens[j - 1].end
    overlapping = known[
        bisect_right(known, start, key=lambda m: m.end) : bisect_left(
            known, end, key=lambda m: m.start
        )
    ]
    inside = [m for m in overlapping if start <= m.start and m.end <= end]
    if len(inside) < len(overlapping):
        return None  # a longer known name (an organization, a city) spans this run
    words = tokens[i:j]
    name = " ".join(w.text for w in words)
    before, after = title_before(tokens, i, titles), title_after(tokens, j, titles)
    cue = before or after
    role = cue.position if cue is not None else None
    kb_person = next((m.entry for m in inside if m.entry.type == "person"), None)
    if kb_person is not None:
        return Found(start, end, kb_person.key, "person", kb_person.name, role=role)
    given = cues.is_given_name(words[0].text)
    first, last = words[0].folded, words[-1].folded
    if inside and not (given and inside[0].start == start and inside[0].entry.type == "location"):
        return None  # "Mosca", "Kirghizistan": the knowledge base has it
    if len(words) > MAX_NAME_TOKENS:
        return None
    org_head = first in cues.org_heads or first.endswith(cues.compound_org_heads)
    if len(words) >= 2 and (org_head or last in cues.org_tails):
        return Found(start, end, name_key("org", name), "organization", name)
    if (len(words) >= 2 and (first in cues.place_heads or last in cues.place_tails)) or (
        len(words) == 1 and "-" in first and first.split("-")[0] in cues.place_heads
    ):  # "Mar Grigio", "Grey Sea", "Port-Séline"
        return Found(start, end, name_key("place", name), "location", name)
    if len(words) >= 2 and given:
        return Found(start, end, person_key(name), "person", name, role=role)
    noun_before = org_noun_before(tokens, i, cues)
    if noun_before:
        return Found(start, end, name_key("org", name), "organization", name)
    prefixed = i > 0 and tokens[i - 1].folded in cues.person_prefixes
    demonym_before = i > 0 and tokens[i - 1].text.lower() in cues.demonyms
    suffixed = bool(cues.surname_suffix.search(words[-1].text.lower()))
    if len(words) >= 2 and (before or after or prefixed or suffixed or demonym_before):
        return Found(start, end, person_key(name), "person", name, role=role)
    after_prep = i > 0 and tokens[i - 1].folded in cues.location_preps  # "Botschafter in X"
    if (
        len(words) == 1
        and not is_common_word(name, cues.code)
        and not after_prep
        and (prefixed or (before and adjacent(tokens, before, i)))
    ):
        return Found(start, end, person_key(name), "person", name, role=role)
    return None


def link_lists(
    tokens: list[Token], typed: dict[tuple[int, int], Found | None], known: list[Match], cues: Cues
) -> None:
    """Untyped runs in a list ("A, B e C") take the type of a typed neighbour: people beside
    people, countries beside known countries."""
    countries = {}
    for m in known:
        if m.entry.type == "country":
            span = token_range(tokens, m.start, m.end)
            countries[(span[0], span[-1] + 1)] = "country"
    items = sorted([*typed, *countries])

    def kind(item: tuple[int, int]) -> str | None:
        if item in countries:
            return "country"
        f = typed[item]
        return f.type if f is not None else None

    def joined(a: tuple[int, int], b: tuple[int, int]) -> bool:
        between = tokens[a[1] : b[0]]
        return len(between) == 1 and (
            between[0].text == "," or fold(between[0].text) in cues.conjunctions
        )

    for _ in range(2):  # a second sweep reaches items two steps from a typed one
        for a, b in pairwise(items):
            if not joined(a, b):
                continue
            for this, other in ((a, b), (b, a)):
                if this in countries or typed[this] is not None or kind(other) is None:
                    continue
                words = tokens[this[0] : this[1]]
                name = " ".join(w.text for w in words)
                if kind(other) == "person" and len(words) >= 2:
                    typed[this] = Found(
                        words[0].start, words[-1].end, person_key(name), "person", name
                    )
                elif kind(other) == "country" and len(words) == 1:
                    typed[this] = Found(
                        words[0].start, words[-1].end, name_key("country", name), "country", name
                    )


@lru_cache(maxsize=1 << 16)
def is_common_word(word: str, code: str) -> bool:
    """A frequent word of the language (wordfreq): "Abend", "Società" are no unknown names."""
    return zipf(word, code) >= COMMON_ZIPF


@lru_cache(maxsize=1 << 16)
def zipf(word: str, code: str) -> float:
    """wordfreq's frequency of a word on the Zipf scale (its lookups are slow: cached)."""
    return float(zipf_frequency(word, code))


def name_key(kind: str, name: str) -> str:
    return f"{kind}:" + skeleton(name).replace(" ", "_")


def adjacent(tokens: list[Token], title: TitleMatch, i: int) -> bool:
    """The title stands right before token i, or with one adjective between."""
    return len([t for t in tokens if title.end <= t.start < tokens[i].start]) <= 1


def person_key(name: str) -> str:
    return "person:" + skeleton(name).replace(" ", "_")


# ----- organizations and places ----------------------------------------------------------------


def find_acronym_orgs(
    text: str, tokens: list[Token], known: list[Match], cues: Cues
) -> list[Found]:
    """'... del Trattato di sicurezza collettiva (CSTO)': the long form and its acronym."""
    found = []
    for m in ACRONYM.finditer(text):
        acronym = m.group(1)
        if any(k.start == m.start(1) for k in known):
            continue  # a known acronym: the matcher has it
        before = [t for t in tokens if t.end <= m.start()][-MAX_LONG_FORM:]
        # the initials decide where the long form starts ("Grey Sea Security Organization");
        # else the first organization head ("Organizzazione del Trattato di sicurezza ...")
        head = initials_start(before, acronym)
        if head is None:
            head = next(
                (
                    k
                    for k in range(len(before))
                    if before[k].capitalized
                    and (
                        before[k].folded in cues.org_heads
                        or before[k].folded.endswith(cues.compound_org_heads)
                    )
                ),
                None,
            )
        if head is None:
            continue
        long_start, long_end = before[head].start, before[-1].end
        if any(k.start < long_end and long_start < k.end for k in known):
            continue
        name = text[long_start:long_end]
        key = "org:" + fold(acronym)
        found.append(
            Found(long_start, long_end, key, "organization", name, extra={"acronym": acronym})
        )
        found.append(Found(m.start(1), m.end(1), key, "organization", name))
    return found


def org_noun_before(tokens: list[Token], i: int, cues: Cues) -> bool:
    """An organization noun right before the name, or with one adjective between
    ("dell'associazione ambientalista Onda Verde"); not "il governo di Temirov"."""
    if i > 0 and not tokens[i - 1].capitalized and tokens[i - 1].folded in cues.org_nouns:
        return True
    if i < 2 or tokens[i - 1].capitalized or not tokens[i - 1].text.isalpha():
        return False
    between = tokens[i - 1].folded
    if between in cues.connectors or between in cues.particles or len(between) <= 3:
        return False
    return not tokens[i - 2].capitalized and tokens[i - 2].folded in cues.org_nouns


def initials_start(words: list[Token], acronym: str) -> int | None:
    """Where a long form whose content words' initials spell the acronym starts:
    "Comunità energetica del Mar Grigio" for CEMG (short function words are skipped)."""
    for k in range(len(words) - 1, -1, -1):
        content = [w for w in words[k:] if w.is_word and (w.capitalized or len(w.text) > 3)]
        initials = "".join(w.text[0] for w in content).upper()
        if initials == acronym.upper() and words[k] in content:
            return k
        if len(initials) > len(acronym):
            return None
    return None


def find_orgs(tokens: list[Token], cues: Cues) -> list[Found]:
    """Capitalised names that start with an organization head: "Ministero degli Esteri russo"."""
    found = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if not (tok.capitalized and tok.folded in cues.org_heads):
            i += 1
            continue
        j, capitals = i + 1, 1
        while j < n and tokens[j].sentence == tok.sentence:
            low = tokens[j].text.lower()
            if tokens[j].capitalized:
                j, capitals = j + 1, capitals + 1
            elif low in cues.connectors and j + 1 < n and tokens[j + 1].capitalized:
                j += 1
            else:
                break
        if j < n and tokens[j].text.lower() in cues.demonyms:
            j += 1
        if capitals >= 2:
            name = " ".join(t.text for t in tokens[i:j])
            found.append(
                Found(
                    tok.start,
                    tokens[j - 1].end,
                    "org:" + skeleton(name).replace(" ", "_"),
                    "organization",
                    name,
                )
            )
        i = max(j, i + 1)
    return found


def find_places(tokens: list[Token], cues: Cues, people: set[str]) -> list[Found]:
    """Unknown places after a preposition ("a Lunaria") or a place noun ("residenza di X");
    not a word that names a person here ("according to Nwosu") or a given name."""
    found = []
    for i, tok in enumerate(tokens):
        if i == 0 or not is_name_word(tok, cues) or tok.start == 0:
            continue
        if tok.folded in people or cues.is_given_name(tok.text):
            continue
        if any(part.isupper() for part in tok.text.split("-")) or tok.folded.startswith(
            cues.weekday_stems
        ):
            continue  # "SOGM-Treffen", "Dienstagabend": no places
        prev = tokens[i - 1].folded
        after_prep = prev in cues.location_preps
        after_head = (prev in cues.connectors or prev in cues.particles) and any(
            t.folded in cues.location_heads for t in tokens[max(0, i - 4) : i - 1]
        )
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (after_prep or after_head) and not (nxt and nxt.capitalized):
            if tokens[i - 1].sentence != tok.sentence or is_common_word(tok.text, cues.code):
                continue
            found.append(
                Found(tok.start, tok.end, "place:" + skeleton(tok.text), "location", tok.text)
            )
    return found


def find_documents(tokens: list[Token], cues: Cues, scope: str) -> list[Found]:
    """Documents named by a noun and its complement: "dichiarazione finale", "piano per lo
    sviluppo della cooperazione militare". A repeated preposition ("... per il periodo"), a
    conjunction, a name, a number or punctuation ends the name. Such names are generic, so
    their key is scoped to the document (fusion decides later which ones are the same)."""
    found = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.folded not in cues.document_heads:
            continue
        start, end = i, i + 1
        if i > 0 and tokens[i - 1].folded in cues.document_adjectives:
            start = i - 1
        if end < n and tokens[end].folded in cues.document_adjectives:
            end += 1
        if end < n and tokens[end].folded in cues.document_preps:
            opening = tokens[end].folded
            k = end + 1
            while (
                k < n
                and k - end <= MAX_DOCUMENT_WORDS
                and tokens[k].text.isalpha()
                and (tokens[k].sentence == tok.sentence)
            ):
                word = tokens[k].folded
                if (
                    word == opening
                    or word in cues.conjunctions
                    or (tokens[k].capitalized and cues.code != "de")
                ):
                    break
                k += 1
            while k > end + 1 and zipf(tokens[k - 1].text, cues.code) >= FUNCTION_ZIPF:
                k -= 1  # "... militare fino al": function words do not end a name
            if k - end > MIN_DOCUMENT_COMPLEMENT:
                end = k
        if end - start >= 2:
            name = " ".join(t.text for t in tokens[start:end])
            key = name_key("doc", name) + f"@{scope}"
            found.append(Found(tokens[start].start, tokens[end - 1].end, key, "document", name))
    return found


# ----- metadata and references back ---------------------------------------------------------


def from_metadata(text: str, doc: Document) -> list[Found]:
    """The byline's authors, the outlet, and the dateline's place ("Lunaria (Valdoria) -":
    a place and its country), where the text names them."""
    found = []
    if doc.meta.place:
        m = re.search(rf"(?<!\w){re.escape(doc.meta.place)}(?:\s*\(([^()\d]{{2,30}})\))?", text)
        if m is not None:
            name = m.group(0)[: len(doc.meta.place)]
            found.append(
                Found(m.start(), m.start() + len(name), name_key("place", name), "location", name)
            )
            if m.group(1) and m.group(1)[0].isupper():
                found.append(
                    Found(
                        m.start(1), m.end(1), name_key("country", m.group(1)), "country", m.group(1)
                    )
                )
    for author in doc.meta.authors:
        for m in re.finditer(re.escape(author), text):
            found.append(
                Found(m.start(), m.end(), person_key(author), "person", author, role="journalist")
            )
    if doc.meta.source:
        for m in re.finditer(rf"(?<!\w){re.escape(doc.meta.source)}(?!\w)", text):
            found.append(
                Found(
                    m.start(),
                    m.end(),
                    "org:" + skeleton(doc.meta.source).replace(" ", "_"),
                    "organization",
                    doc.meta.source,
                )
            )
    return found


def refer_back(text: str, found: list[Found], folded: str) -> list[Found]:
    """Later mentions of a name the rules found: the name again ("Lunaria", "Port Seline"),
    a surname alone, an acronym. Where two people share a surname, the nearest one named
    before."""
    local: list[KBEntry] = []
    surnames: dict[str, list[Found]] = {}
    for f in found:
        if f.key.startswith(("person:", "org:", "place:", "country:")) and "@" not in f.key:
            local.append(KBEntry(f.key, f.type, f.name, (f.name,)))
        if f.type == "person" and " " in f.name:
            surname = f.name.split()[-1]
            forms = (surname, *inflected((surname,)))  # "Каирбековой" after "Каирбекова"
            local.append(KBEntry(f.key, "person", f.name, forms))
            for form in forms:
                surnames.setdefault(fold(form), []).append(f)
        if f.type == "organization" and "acronym" in f.extra:
            local.append(KBEntry(f.key, "organization", f.name, (f.extra["acronym"],)))
    if not local:
        return []
    out = []
    for m in AliasMatcher(local).find(text, folded):
        namesakes = surnames.get(fold(m.alias), [])
        earlier = [f for f in namesakes if f.start < m.start] or namesakes
        if earlier:
            f = earlier[-1]
            out.append(replace(f, start=m.start, end=m.end, role=None, extra={}))
        else:
            out.append(Found(m.start, m.end, m.entry.key, m.entry.type, m.entry.name))
    return out
