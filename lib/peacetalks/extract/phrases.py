"""The phrase language of codebook.yaml, compiled to regular expressions.

A cue, a `needs` and a term are written as phrases an analyst can read (see the header of
codebook.yaml for every construct, with examples). Compiling a phrase gives its regular expression
and, read from the phrase's own tokens, the words every match of it contains: each token that cannot
be left out (a word, a set of words, a slot of a term, a group) is a set of strings, one of which
every match contains (a word prefix for `support*`). The codebook's cue prefilter looks for those
strings (see `cuefilter.py`); nothing is read back from a compiled regular expression.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from peacetalks.text import COMMON_WORDS

# between two words: white space, perhaps after a comma or a closing quotation mark, or before an opening one
SEP = r"[,;]?[\"”’']?\s+[\"“‘']?"
_GAP = re.compile(r"\{(\d+)-(\d+)(?: except ([^{}]+))?\}")
_TOKEN = re.compile(r"\((?P<group>[^()]*)\)(?P<optional>\?)?|(?P<gap>\{\d+-\d+(?: except [^{}]+)?\})(?!\S)"
                    r"|\{any (?P<any>[^{}\s]+)\}|(?P<word>\S+)")
TERM_REF = re.compile(r"\{([a-z_]+)\}")
MIN_LITERAL = 3  # a string shorter than this is found almost everywhere: not worth looking for


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the message says why."""


Literals = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Compiled:
    """A phrase (or term) compiled: its regular expression, and sets of lower-case strings such that
    every match contains a string of each set (empty when nothing is known, as for a regular expression)."""

    regex: str
    literals: Literals = ()


def expand(source: str, terms: dict[str, Compiled]) -> str:
    """A regular expression with each `{name}` replaced by the term's expression."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in terms:
            raise PhraseError(f"unknown term {{{name}}} (known: {', '.join(sorted(terms))})")
        return f"(?:{terms[name].regex})"
    return TERM_REF.sub(replace, source)


def _word_literal(word: str) -> str:
    """The longest piece of a word without an apostrophe (which matches ' and ’), lower case."""
    return max(re.split("['’]", word), key=len).lower()


def _word(word: str, terms: dict[str, Compiled]) -> tuple[str, frozenset[str] | None]:
    """One alternative of a word token: its expression and the strings one of which each match contains."""
    if word.startswith("{") and word.endswith("}"):
        term = terms.get(word[1:-1])
        if term is None:
            raise PhraseError(f"unknown term {word} (known: {', '.join(sorted(terms))})")
        return f"(?:{term.regex})", best(term.literals)
    if word.startswith("*-") and len(word) > 2:  # a hyphenated word ending so: UN-brokered, Russian-led
        ending = word[1:]
        return r"[\w.]+(?:-\w+)?" + re.escape(ending), frozenset({ending.lower()})
    stem = word[:-1] if word.endswith("*") and len(word) > 1 else word
    text = re.sub("['’]", "['’]", re.escape(stem))
    return text + (r"[\w'’-]*" if stem is not word else ""), frozenset({_word_literal(stem)})


def is_common(strings: frozenset[str]) -> bool:
    """Whether a set of strings is found in almost any text: one is a COMMON_WORDS word or shorter than MIN_LITERAL."""
    return any(len(s) < MIN_LITERAL or s in COMMON_WORDS for s in strings)


def best(sets: Literals) -> frozenset[str] | None:
    """The most selective of `sets`, as far as the words tell: of those with no common word (`is_common`),
    the one with the fewest strings ("pause" rather than "strikes|bombing|fighting"), the first of equals,
    else the one whose shortest string is longest; None if there is none."""
    def rank(item: tuple[int, frozenset[str]]) -> tuple[int, ...]:
        index, strings = item
        shortest = min(map(len, strings))
        return (0, len(strings), index) if not is_common(strings) else (1, -shortest, len(strings), index)
    return min(enumerate(sets), key=rank)[1] if sets else None


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    """One of the strings of each alternative: known only when each alternative has a set."""
    if not sets or any(s is None or not s or "" in s for s in sets):
        return None
    return frozenset().union(*sets)  # type: ignore[arg-type]


def compile_phrase(phrase: str, terms: dict[str, Compiled], bounded: bool = True) -> Compiled:
    """The expression of a phrase, and what each match contains. With `bounded`, the phrase starts
    and ends at word boundaries. Raises PhraseError."""
    tokens = list(_TOKEN.finditer(phrase))
    if not tokens:
        raise PhraseError("an empty phrase")
    out: list[str] = []
    literals: list[frozenset[str]] = []
    pending = False  # whether a word came before (the next one brings the separator)
    not_after = ""
    for index, token in enumerate(tokens):
        group, word, gap = token.group("group"), token.group("word"), token.group("gap")
        optional = bool(token.group("optional"))
        if gap is not None:
            low, high, excluded = _GAP.fullmatch(gap).groups()  # type: ignore[union-attr]
            if int(low) > int(high) or index == len(tokens) - 1 or not_after:
                raise PhraseError(f"bad gap {gap} in phrase {phrase!r}")
            if index == 0:  # before the first word: that many words just before it
                if excluded:
                    raise PhraseError(f"a gap with `except` only between words, in phrase {phrase!r}")
                out.append(rf"(?:[\w'’.-]+\s+){{{low},{high}}}?")
                continue
            skip = ""
            if excluded:
                words = [re.escape(w) for w in excluded.split("|") if w]
                skip = rf"(?!(?:{'|'.join(words)})\b)"
            out.append(rf"(?:{SEP}{skip}\S+){{{low},{high}}}?")
            continue
        if token.group("any") is not None:  # any number of these words, in any order (as many as there are)
            if index == len(tokens) - 1:
                raise PhraseError(f"{{any ...}} must come before a word, in phrase {phrase!r}")
            words = "|".join(sorted((_word(w, terms)[0] for w in token.group("any").split("|") if w), key=len, reverse=True))
            out.append(f"(?:{SEP}(?:{words}))*" if pending else f"(?:(?:{words}){SEP})*")
            continue
        if word is not None and word.startswith("!") and len(word) > 1:  # not right after these words
            if index == len(tokens) - 1:
                raise PhraseError(f"{word} must come before a word, in phrase {phrase!r}")
            not_after += "".join(f"(?<!{re.escape(w)} )" for w in word[1:].split("|") if w)
            continue
        if group is not None:
            parts = [part.strip() for part in group.split(" | ")]
            if not all(parts):
                raise PhraseError(f"an empty alternative in ({group}) of phrase {phrase!r}")
            compiled = [compile_phrase(part, terms, bounded=False) for part in sorted(parts, key=len, reverse=True)]
            regex = "(?:" + "|".join(c.regex for c in compiled) + ")"
            strings = _union([best(c.literals) for c in compiled])
        else:
            optional = len(word) > 1 and word.endswith("?")
            word = word[:-1] if optional else word
            alternatives = []
            for alternative in word.split("|"):
                if not alternative:
                    raise PhraseError(f"an empty word in {word!r} of phrase {phrase!r}")
                alternatives.append(_word(alternative, terms))
            regex = "(?:" + "|".join(sorted((r for r, _ in alternatives), key=len, reverse=True)) + ")"
            strings = _union([s for _, s in alternatives])
        if not optional and strings is not None:
            literals.append(strings)
        regex = not_after + regex
        not_after = ""
        # each word after the first brings the separator before it (inside its group, when optional)
        if pending:
            out.append(f"(?:{SEP}{regex})?" if optional else f"{SEP}{regex}")
        elif optional:
            out.append(f"(?:{regex}{SEP})?")
        else:
            out.append(regex)
            pending = True
    source = "".join(out)
    return Compiled(rf"\b{source}(?![\w])" if bounded else source, tuple(dict.fromkeys(literals)))


def compile_term(source: list[str] | str, terms: dict[str, Compiled]) -> Compiled:
    """A term: a list of phrases (longest first), or a regular expression (nothing known of its matches)."""
    if isinstance(source, str):
        return Compiled(expand(source, terms))
    compiled = [compile_phrase(p, terms, bounded=False) for p in sorted(source, key=len, reverse=True)]
    strings = _union([best(c.literals) for c in compiled])
    return Compiled("|".join(c.regex for c in compiled), (strings,) if strings is not None else ())


def choose(sets: Literals, most: int) -> Literals:
    """The `most` most selective of `sets` worth looking for: a set with a common word ("the", "with",
    `is_common`) is found almost everywhere and costs more than it saves, so it is used only when the
    cue has no better one (and never with a string under MIN_LITERAL). Each set alone is a condition
    every match meets, so any of them may be left out. Strings that contain another of their set are dropped."""
    usable = [_minimal(s) for s in sets if s and min(map(len, s)) >= MIN_LITERAL]
    usable.sort(key=lambda s: (is_common(s), len(s), -min(map(len, s)), sorted(s)))
    return tuple(dict.fromkeys(usable))[:most]


def _minimal(strings: frozenset[str]) -> frozenset[str]:
    """The strings that start with no other one of the set (wherever a dropped one counts, a kept one
    counts at the same place: see cuefilter.py)."""
    return frozenset(s for s in strings if not any(t != s and s.startswith(t) for t in strings))
