"""Quotes: who said what, quoted directly or reported, attributed to an entity.

1. Quoted passages are found by a scanner that knows every quotation style (« » “ ” „ “ " ‘ ’
   ‹ › and German » «), nesting, and what scrapers lose: an opening mark without its closing
   one ends at the paragraph's end, a paragraph ending in a closing mark alone is a quote, and
   a paragraph after one that ends in a colon is a quote.
2. Reported speech: a speech verb (lang/<code>/speech.tsv) and its clause ("ha dichiarato che
   ..."), or an attribution phrase ("secondo X, ...").
3. Speakers: the name beside the verb (before it, or after it when inverted: "«...», ha detto
   Ushakov"); a title alone resolves to the person last named with that role; a pronoun or no
   subject at all to the speaker of the statement before, or to the only person named
   recently. Otherwise the speaker stays unknown (None), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from cronaca.extract.cues import Cues, TitleMatch, load_cues
from cronaca.kb.fold import fold
from cronaca.kb.matcher import PhraseMatcher
from cronaca.lang.loader import load_lang
from cronaca.model import Document, Mention, Quote, Span

MIN_QUOTE_WORDS = 4  # shorter quoted stretches are names, titles or scare quotes
MAX_GAP_TOKENS = 8  # words between a speech verb and the "che"/"that" of its clause
MAX_ATTRIBUTION_GAP = 6  # marks and spaces between a quotation and the verb attributing it
RECENT_CHARS = 600  # how near the statement before must be to lend its speaker
CONTEXT_CHARS = 1500  # how far back the one person named may be
MAX_ACCORDING_CHARS = 120  # from "according to" to the comma that ends the source
MAX_INVERTED_CHARS = 80  # from a verb after a quote to the speaker's name
MAX_PRONOUN_HEAD = 3  # a pronoun and a couple of adverbs before the verb
MAX_SUBJECT_CHARS = 60  # from a quote's end to the verb after it ("”, Santoro told")
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")


@dataclass(frozen=True)
class Speech:
    """A language's speech verbs and attribution phrases, compiled."""

    verbs: PhraseMatcher[str]  # payload: "verb", or "verb_object" (content as its object)
    according: PhraseMatcher[str]
    that: frozenset[str]  # che, that, que, dass, что: open a reported clause
    that_infinitive: frozenset[str]  # di, de: only right after the verb ("ha affermato di")
    pronouns: frozenset[str]
    conjunctions: frozenset[str]  # lower case, not folded: "e" must not match "è"
    anonymous: frozenset[str]  # nouns of unnamed sources: fonte, official, источник
    that_optional: str  # "always" ("he said the talks failed"), "after_comma" ("sagte, X werde")
    clause_openers: frozenset[str]  # words that open such a clause: the, his, it, there


@cache
def load_speech(code: str) -> Speech:
    lang = load_lang(code)
    return Speech(
        verbs=PhraseMatcher(
            [
                (form, kind)
                for kind in ("verb_object", "verb")
                for v in lang.word_list(kind)
                for form in with_adverbs(v, lang.word_list("auxiliary"), lang.word_list("adverb"))
            ]
        ),
        according=PhraseMatcher((a, "according") for a in lang.word_list("according")),
        that=frozenset(fold(t) for t in lang.word_list("that")),
        that_infinitive=frozenset(fold(t) for t in lang.word_list("that_infinitive")),
        pronouns=frozenset(fold(p) for p in lang.word_list("speaker_pronoun")),
        conjunctions=frozenset(c.lower() for c in lang.word_list("conjunction")),
        anonymous=frozenset(fold(a) for a in lang.word_list("anonymous_source")),
        that_optional=(
            "always"
            if "that_optional" in lang.word_list("option")
            else "after_comma"
            if "that_optional_comma" in lang.word_list("option")
            else ""
        ),
        clause_openers=frozenset(fold(w) for w in lang.word_list("clause_opener")),
    )


def with_adverbs(verb: str, auxiliaries: Sequence[str], adverbs: Sequence[str]) -> list[str]:
    """A compound verb form and its forms with an adverb after the auxiliary ("ha
    ricordato", "ha però ricordato", "a aussi demandé")."""
    aux, _, rest = verb.partition(" ")
    if not rest or aux not in auxiliaries:
        return [verb]
    return [verb, *(f"{aux} {adverb} {rest}" for adverb in adverbs)]


@dataclass
class Found:
    start: int  # the quote's text, in the cleaned view
    end: int
    direct: bool
    speaker: Mention | None
    inherit: bool = False  # no subject of its own: takes the speaker of the statement before


class ExtractQuotes:
    """Stage: fills `doc.quotes`."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.clean", "doc.mentions"})
    produces: ClassVar[frozenset[str]] = frozenset({"doc.quotes"})

    def __call__(self, doc: Document) -> Document:
        assert doc.clean is not None
        code = doc.meta.language or "en"
        found = find_quotes(
            doc.clean_text, doc.mentions, load_cues(code), load_speech(code), doc.clean_folded
        )
        quotes = []
        for f in found:
            start, end = doc.clean.span_to_original(f.start, f.end)
            speaker = f.speaker
            quotes.append(
                Quote(
                    Span(start, end),
                    " ".join(doc.clean_text[f.start : f.end].split()),
                    f.direct,
                    speaker.entity_key if speaker else None,
                    speaker.role if speaker else None,
                    clean_span=Span(f.start, f.end),
                )
            )
        doc.quotes = quotes
        return doc


# ----- quoted passages --------------------------------------------------------------------------

OPENERS = {"«": "»", "“": "”", "„": "“”", "‹": "›", '"': '"', "‘": "’"}
CLOSERS = set('»”“›"’«')
# an attribution inside the marks: "— сказал Ферранте, —", ", a précisé la porte-parole,"
DASHED = re.compile(r"[,.!?]?\s+[—–]\s+([^—–«»\n]{3,80}?),?\s+[—–]\s+")
INCISE = re.compile(r",\s+([^,.«»“”\n]{3,80}?)[,.]\s+")
QUOTE_MARK = re.compile('[«»“”„‹›"‘’]')
BULLETS = ("•", "-", "*", "·", "–", "—")  # a list item is no block quote


def quoted_spans(text: str, code: str) -> list[tuple[int, int, bool]]:
    """(start, end, block) of the text inside each outermost quotation, paragraph by
    paragraph; block: a whole paragraph introduced by a colon, its marks lost."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    paragraphs = text.split("\n")
    previous = ""
    for para in paragraphs:
        spans.extend(
            (pos + s, pos + e, block) for s, e, block in quoted_in_paragraph(para, code, previous)
        )
        pos += len(para) + 1
        if para.strip():
            previous = para
    return spans


def quoted_in_paragraph(para: str, code: str, previous: str) -> list[tuple[int, int, bool]]:
    if not para.strip():
        return []
    body = para.strip()
    lead = para.index(body[0])
    if previous.rstrip().endswith(":") and not body.startswith((*OPENERS, "»", *BULLETS)):
        # a block quote whose marks a scraper dropped, introduced by "... ha detto:"
        closing = body.rstrip()[-1] in CLOSERS
        return [(lead, lead + len(body.rstrip()) - closing, True)]
    spans: list[tuple[int, int, bool]] = []
    stack: list[tuple[str, int]] = []
    for mark in QUOTE_MARK.finditer(para):  # only the quotation marks, not every character
        i, ch = mark.start(), mark.group(0)
        if stack and closes(ch, stack[-1][0], para, i, code):
            _, start = stack.pop()
            if not stack:
                spans.append((start + 1, i, False))
        elif opens(ch, para, i, code, stack):
            stack.append((ch, i))
        elif not stack and ch in "”»“" and not spans and para[i + 1 :].strip(" .,;") == "":
            spans.append((lead, i, False))  # the opening mark was lost: the paragraph is it
    if stack:  # the closing mark was lost: the quote runs to the paragraph's end
        spans.append((stack[0][1] + 1, len(para.rstrip()), False))
    return spans


def opens(ch: str, para: str, i: int, code: str, stack: list[tuple[str, int]]) -> bool:
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if ch in "»›":  # where quotes point inward (German: »...«, ›...‹), these open
        return inward_quotes(code) and after.isalnum()
    if ch == '"':
        return (before.isspace() or before in "([—–-:") and not after.isspace()
    if ch == "‘":
        return not before.isalnum()
    return ch in OPENERS


@cache
def inward_quotes(code: str) -> bool:
    """The language opens quotations with » and › (speech.tsv: option inward_quotes)."""
    return "inward_quotes" in load_lang(code).word_list("option")


def closes(ch: str, opener: str, para: str, i: int, code: str) -> bool:
    after = para[i + 1] if i + 1 < len(para) else " "
    if opener in "»›":
        return ch == {"»": "«", "›": "‹"}[opener]
    if opener == "‘":
        return ch == "’" and not after.isalpha()  # not the apostrophe of "l’anno"
    if opener == '"':
        return ch == '"' and not para[i - 1].isspace()
    return ch in OPENERS.get(opener, "")


# ----- attribution --------------------------------------------------------------------------------


def find_quotes(
    text: str, mentions: list[Mention], cues: Cues, speech: Speech, folded: str | None = None
) -> list[Found]:
    """Direct and reported quotes, in text order, each with its speaker or None."""
    folded = fold(text) if folded is None else folded
    people = sorted(
        (m for m in mentions if m.clean_span and m.entity_type in ("person", "organization")),
        key=lambda m: m.clean_span.start if m.clean_span else 0,
    )
    titles = cues.find_titles(text, folded)
    verbs = [(s, e, kind) for s, e, _, kind in speech.verbs.find(text, folded)]
    quoted = quoted_spans(text, cues.code)
    reported = find_reported(text, folded, verbs, quoted, people, titles, speech)
    found: list[Found] = []
    for s, e, block in split_dashed(text, quoted, verbs):
        if word_count(text[s:e]) < MIN_QUOTE_WORDS:
            continue
        if any(r.start <= s and e <= r.end + 2 for r in reported):
            continue  # quoted words inside a reported clause belong to it
        f = attribute_direct(text, folded, s, e, verbs, people, titles, speech)
        if block and f.speaker is not None and names_inside(f.speaker, people, s, e):
            continue  # a paragraph about its would-be speaker is no quote of theirs
        found.append(f)
    found.extend(reported)
    found.sort(key=lambda f: f.start)
    resolve_missing(text, found, people)
    return found


def split_dashed(
    text: str, quoted: list[tuple[int, int, bool]], verbs: list[tuple[int, int, str]]
) -> list[tuple[int, int, bool]]:
    """«Пустое кресло — это позиция, — сказал Ферранте, — но не лучшая»: an attribution
    between dashes inside the marks splits the quotation in two; the attribution stays out."""
    out = []
    for s, e, block in quoted:
        for m in [*dashed_incises(text, s, e), *INCISE.finditer(text, s, e)]:
            dashed = m.re is DASHED
            if m.start() >= s and any(
                (m.start(1) <= v[0] < m.end(1)) if dashed else v[0] == m.start(1) for v in verbs
            ):
                out.append((s, m.start(), block))
                s = m.end()
        out.append((s, e, block))
    return out


def dashed_incises(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Every text between two dashes, overlapping: in "кресло — это позиция, — сказал X, —"
    the second dash closes one candidate and opens the next."""
    found = []
    pos = start
    while (m := DASHED.search(text, pos, end)) is not None:
        found.append(m)
        pos = m.start(1)
    return found


def names_inside(speaker: Mention, people: list[Mention], start: int, end: int) -> bool:
    return any(
        m.entity_key == speaker.entity_key and m.clean_span and start <= m.clean_span.start < end
        for m in people
    )


def find_reported(
    text: str,
    folded: str,
    verbs: list[tuple[int, int, str]],
    quoted: list[tuple[int, int, bool]],
    people: list[Mention],
    titles: list[TitleMatch],
    speech: Speech,
) -> list[Found]:
    """Clauses after speech verbs ("ha dichiarato che ...") and after attribution phrases
    ("secondo X, ..."), outside quoted passages."""
    out: list[Found] = []

    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e, _ in quoted)

    for verb in verbs:
        vs = verb[0]
        if inside(vs) or any(f.start <= vs < f.end for f in out):
            continue  # a verb inside a quote, or inside a clause already reported
        if any(attributes_quote(text, s, e, vs) for s, e, _ in quoted):
            continue  # "“...,” said a diplomat who ...": it attributes the quote before it
        start = clause_after_verb(text, folded, verb, people, speech)
        if start is None:
            continue
        end = clause_end(text, start, verbs, speech)
        if word_count(text[start:end]) < MIN_QUOTE_WORDS:
            continue
        speaker = subject_before(text, vs, people, titles) or pronoun_antecedent(
            text, vs, people, speech
        )
        inherit = speaker is None and has_null_subject(text, vs, speech)
        out.append(Found(start, end, False, speaker, inherit))
    for a_s, a_e, _, _ in speech.according.find(text, folded):
        if inside(a_s):
            continue
        comma = text.find(",", a_e)
        if (
            comma == -1
            or comma - a_e > MAX_ACCORDING_CHARS
            or SENTENCE_END.search(text, a_e, comma)
        ):
            continue  # 'citing "prior commitments". Karvia ..., who': no source named
        # "Secondo l'assistente presidenziale russo Yuri Ushakov, ...": the name before the comma
        speaker = next(
            (m for m in people if m.clean_span and a_e <= m.clean_span.start < comma), None
        )
        after = speaker.clean_span.end if speaker and speaker.clean_span else a_e
        comma = text.find(",", after)
        if comma == -1 or SENTENCE_END.search(text, after, comma):
            continue
        title = next((t for t in titles if comma < t.start <= comma + 3), None)
        if title is not None:  # "Secondo X, capo del dipartimento ..., il vertice ..."
            comma = text.find(",", title.end)
            if comma == -1 or SENTENCE_END.search(text, title.end, comma):
                continue
        start = comma + 1
        while start < len(text) and text[start] == " ":
            start += 1
        end = clause_end(text, start, verbs, speech)
        if word_count(text[start:end]) >= MIN_QUOTE_WORDS:
            out.append(Found(start, end, False, speaker))
    return out


def attributes_quote(text: str, start: int, end: int, verb_start: int) -> bool:
    """The verb right after a quotation and its comma ("“...,” said", "«...», ha detto"),
    not after a name in quotation marks ("del movimento «Onda Verde» ha ricordato che")."""
    if not 0 <= verb_start - end <= MAX_ATTRIBUTION_GAP:
        return False
    between = text[end:verb_start]
    return (
        not between.strip(' ,—–-»”“"’')
        and ("," in between or text[end - 1 : end] in (",", ".", "!", "?"))
        and word_count(text[start:end]) >= MIN_QUOTE_WORDS
    )


def clause_after_verb(
    text: str, folded: str, verb: tuple[int, int, str], people: list[Mention], speech: Speech
) -> int | None:
    """Where the reported clause after a speech verb starts: after its "che"/"that" (a few
    words may come between: "ha dichiarato ai giornalisti lo stesso giorno che"); right after
    a verb that takes its content as an object ("ha invitato l'organizzazione a ..."); in
    languages where "that" may be left out, right after the verb ("said Besedin will not
    come") unless a name there ends the sentence (an inverted speaker: "said Besedin.")."""
    _, verb_end, kind = verb
    sentence_end = next_sentence_end(text, verb_end)
    words = list(WORD.finditer(folded, verb_end, sentence_end))
    if not words or text[verb_end : words[0].start()].strip(" ,"):
        return None  # a colon or a quote follows the verb: a direct quote, not reported speech
    for k, w in enumerate(words[: MAX_GAP_TOKENS + 1]):
        word = w.group(0)
        if (word in speech.that or (k == 0 and word in speech.that_infinitive)) and not text[
            w.start()
        ].isupper():
            start = w.end()
            while start < len(text) and text[start] in " '’":  # "qu’elle", "d'agire"
                start += 1
            return start
    first = words[0].start()
    if kind == "verb_object":
        return first
    comma = "," in text[verb_end:first]
    if speech.that_optional == "after_comma" and not comma:
        return None  # "sagte Hartwig vor Journalisten": an inverted speaker
    if not speech.that_optional:
        return None
    opener = words[0].group(0) in speech.clause_openers or text[first].isupper()
    if not (comma or opener):
        return None  # "told reporters in Lunaria": no clause
    named = next((m for m in people if m.clean_span and m.clean_span.start == first), None)
    if named is not None and named.clean_span:
        rest = text[named.clean_span.end : sentence_end].strip()
        if not rest or rest.startswith((",", "(")):
            return None  # "said Besedin." / "said Besedin, the Karvian minister"
    return first


def clause_end(text: str, start: int, verbs: list[tuple[int, int, str]], speech: Speech) -> int:
    """A clause ends with its sentence, or where the next attribution begins: at the comma or
    conjunction before it (", ma ha affermato ...", "and said ...")."""
    end = next_sentence_end(text, start)
    for vs, _, _ in verbs:
        if start < vs < end:
            cuts = [text.rfind(",", start, vs)]
            cuts += [
                w.start()
                for w in WORD.finditer(text, start, vs)
                if w.group(0).lower() in speech.conjunctions
            ]
            cut = max(cuts)
            if cut > start:
                end = cut
            break
    while end > start and text[end - 1] in ' ,:;»”"“’':
        end -= 1
    return end


def next_opener(text: str, pos: int) -> int:
    """Where the next quotation opens after pos (the end of the text if none)."""
    found = [i for i in (text.find(c, pos) for c in "«“„") if i != -1]
    return min(found) if found else len(text)


def next_sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def sentence_start(text: str, pos: int) -> int:
    starts = [text.rfind(c, 0, pos) for c in (". ", "! ", "? ", "\n", "; ")]
    return max(starts) + 1 if max(starts) >= 0 else 0


def subject_before(
    text: str, verb_start: int, people: list[Mention], titles: list[TitleMatch]
) -> Mention | None:
    """The speaker named before the verb, in the same sentence and outside quotes: a person,
    or an organization standing right before the verb ("la CSTO ha dichiarato"); a title alone
    ("il Presidente ha proposto") resolves to the person last named with that role."""
    start = sentence_start(text, verb_start)
    before = [
        m
        for m in people
        if m.clean_span and start <= m.clean_span.start and m.clean_span.end <= verb_start
    ]
    persons = [m for m in before if m.entity_type == "person"]
    if persons:
        return persons[-1]
    if before and before[-1].clean_span and verb_start - before[-1].clean_span.end <= 2:
        return before[-1]
    opening = before[0] if before else None
    if opening is not None and opening.clean_span and opening.clean_span.start - start <= 4:
        return opening  # "Amnesty International welcomed the exchange but warned that"
    title = next((t for t in reversed(titles) if start <= t.start and t.end <= verb_start), None)
    return holder(title, people, any_person=True) if title is not None else None


def holder(title: TitleMatch, people: list[Mention], any_person: bool = False) -> Mention | None:
    """The person last named before a bare title with that title's role ("il Presidente",
    "la porte-parole"); with any_person, else the person last named."""
    earlier = [
        m
        for m in people
        if m.clean_span and m.clean_span.end <= title.start and m.entity_type == "person"
    ]
    same_role = [m for m in earlier if fills(m.role, title.position)]
    chosen = same_role or (earlier if any_person else [])
    return chosen[-1] if chosen else None


def fills(role: str | None, position: str | None) -> bool:
    """A person's role answers to a title's: the same, or more specific ("il ministro" for
    a foreign_minister named before)."""
    return (
        role is not None
        and position is not None
        and (role == position or role.endswith("_" + position))
    )


def speaker_after(
    verb_end: int, limit: int, people: list[Mention], titles: list[TitleMatch]
) -> Mention | None:
    """The speaker named after a verb ("ha detto Ferrante"), or a title there that stands for
    the person last named with that role ("a précisé la porte-parole")."""
    named = next(
        (m for m in people if m.clean_span and verb_end < m.clean_span.start < limit), None
    )
    if named is not None:
        return named
    title = next((t for t in titles if verb_end < t.start < limit), None)
    return holder(title, people) if title is not None else None


def pronoun_antecedent(
    text: str, verb_start: int, people: list[Mention], speech: Speech
) -> Mention | None:
    """For a pronoun subject ("Он предупредил:", "She said"), the person named last before."""
    head_text = text[sentence_start(text, verb_start) : verb_start]
    head = WORD.findall(fold(head_text))
    # "He then said", or after an opening phrase and its comma: "In a post on X, he wrote"
    last_clause = WORD.findall(fold(head_text.rpartition(",")[2]))
    if not (
        (head and head[0] in speech.pronouns and len(head) <= MAX_PRONOUN_HEAD)
        or (last_clause and last_clause[0] in speech.pronouns and len(last_clause) <= 2)
    ):
        return None
    return last_person_before(people, verb_start)


def last_person_before(people: list[Mention], pos: int) -> Mention | None:
    """The person named last before pos, if near: what a pronoun refers to."""
    return next(
        (
            m
            for m in reversed(people)
            if m.entity_type == "person"
            and m.clean_span
            and pos - RECENT_CHARS <= m.clean_span.end <= pos
        ),
        None,
    )


def has_null_subject(text: str, verb_start: int, speech: Speech) -> bool:
    """The verb has no subject of its own ("Nel dicembre 2024, ha affermato", "Ritiene che",
    "Lei ha detto"): its speaker is the one of the statement before."""
    head = text[sentence_start(text, verb_start) : verb_start].rstrip()
    if not head or head[-1] in ",;:—–-(":
        return True
    words = WORD.findall(fold(head))
    if words and words[0] in speech.pronouns and len(words) <= MAX_PRONOUN_HEAD:
        return True  # "She also proposed", "Lei ha poi detto"
    last = WORD.findall(head.lower())[-1:] or [""]
    return bool(words) and (words[-1] in speech.pronouns or last[0] in speech.conjunctions)


def attribute_direct(
    text: str,
    folded: str,
    start: int,
    end: int,
    verbs: list[tuple[int, int, str]],
    people: list[Mention],
    titles: list[TitleMatch],
    speech: Speech,
) -> Found:
    """A quoted passage and its speaker: named after it ("», ha detto X", "”, Santoro told
    reporters"), before it in the same sentence or in the line that introduces it ("X ha
    avvertito: «"); an unnamed source after it ("», ha detto una fonte") stays unknown."""
    after_end = min(next_sentence_end(text, end + 1), next_opener(text, end + 1))
    rest = text[end : end + 8].lstrip(' »”“"’›«')  # the closing marks, then the next word
    if text[end - 1 : end] in (".", "!", "?") and rest[:1].isupper():
        after_end = end  # „... gezeigt.“ Er kündigte an: the next sentence is not its attribution
    verb = next(
        (v for v in verbs if end < v[0] <= end + MAX_SUBJECT_CHARS and v[0] < after_end), None
    )
    if verb is not None:
        vs, ve, _ = verb
        subject = [m for m in people if m.clean_span and end < m.clean_span.start < vs]
        if (
            subject
            and text[end : subject[0].clean_span.start if subject[0].clean_span else vs].strip(
                ' ,.;:—–-»”“"’'
            )
            == ""
        ):
            return Found(start, end, True, subject[0])  # "”, Santoro told reporters"
        # "», ha detto il presidente valdoriano Aldo Ferrante, «": the name after the verb,
        # unless an unnamed source comes first ("ha detto una fonte vicina a Ferrante")
        reach = min(after_end, ve + MAX_INVERTED_CHARS)
        inverted = speaker_after(ve, reach, people, titles)
        until = reach
        if inverted is not None and inverted.clean_span and inverted.clean_span.start > ve:
            until = inverted.clean_span.start
        anonymous = any(w.group(0) in speech.anonymous for w in WORD.finditer(folded, ve, until))
        if inverted is not None and not anonymous:
            return Found(start, end, True, inverted)
        if text[end:vs].strip(' ,.;:—–-»”“"’') == "":  # "» - ha dichiarato ai giornalisti"
            after = WORD.search(folded, ve, ve + MAX_SUBJECT_CHARS)
            if after and after.group(0) in speech.pronouns:  # "“, sagte er"
                antecedent = last_person_before(people, start)
                if antecedent is not None:
                    return Found(start, end, True, antecedent)
            return Found(start, end, True, None, inherit=not anonymous)
    intro_start = sentence_start(text, max(0, start - 2))
    intro = [v for v in verbs if intro_start <= v[0] < start]
    if intro:
        vs, ve, _ = intro[-1]
        # "«...», ha detto X, «...»": the second part's speaker stands after the verb
        speaker = (
            speaker_after(ve, start, people, titles)
            or subject_before(text, vs, people, titles)
            or pronoun_antecedent(text, vs, people, speech)
        )
        return Found(start, end, True, speaker, speaker is None)
    # the line before ends with a colon: "Lukashenko ha invitato ... dell'Europa:"
    before = text[:start].rstrip(' «“„"‘\n')
    if before.endswith(":"):
        line_start = sentence_start(before, len(before) - 1)
        there = [
            m for m in people if m.clean_span and line_start <= m.clean_span.start < len(before)
        ]
        if there:
            return Found(start, end, True, there[0])
    return Found(start, end, True, None, inherit=True)


def resolve_missing(text: str, found: list[Found], people: list[Mention]) -> None:
    """A statement with no subject of its own ("- ha dichiarato ai giornalisti", "Ha aggiunto
    che", a quote with no attribution) takes, in this order: for a quote opening a paragraph,
    the one person the paragraph before names; the speaker of the last attributed statement,
    if it is near; the one person named in the text before, if only one is."""
    last: Found | None = None
    for f in found:
        if f.speaker is None and f.inherit:
            f.speaker = (
                (
                    paragraph_opening(text, f.start)
                    and only_person(people, *previous_paragraph(text, f.start))
                )
                or (last.speaker if last and last.end >= f.start - RECENT_CHARS else None)
                or only_person(people, max(0, f.start - CONTEXT_CHARS), f.start)
            )
        if f.speaker is not None:
            last = f


def paragraph_opening(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip(' «“„"‘»')


def previous_paragraph(text: str, pos: int) -> tuple[int, int]:
    end = text.rfind("\n", 0, pos)
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return text.rfind("\n", 0, max(0, end)) + 1, max(0, end)


def only_person(people: list[Mention], start: int, end: int) -> Mention | None:
    named = {
        m.entity_key: m
        for m in people
        if m.clean_span and m.entity_type == "person" and start <= m.clean_span.start < end
    }
    return next(iter(named.values())) if len(named) == 1 else None


def word_count(text: str) -> int:
    return len(WORD.findall(text))
