"""The words the stance reader works with: the codebook's word lists for a sentence (negators, contrast
words, speech verbs, ...; see `_lists`), and the small closed classes of English it needs to read a clause
(determiners, prepositions, auxiliaries, title words), with the helpers that look words up around a place."""
from __future__ import annotations

import re
from typing import NamedTuple

from peacetalks.extract.codebook import Codebook
from peacetalks.extract.words import folded_pattern

_WORD = re.compile(r"[\w'’.-]+")


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "some"}


_PREPOSITIONS = {
    "of", "to", "in", "from", "with", "against", "on", "at", "for", "over", "into", "toward", "towards",
    "about", "between", "among", "by", "under", "through", "across", "near", "inside", "outside", "within",
    "without", "around", "behind", "beyond", "via", "like", "than", "including",
    # verbs whose actor after them is their object, not a subject ("rebels fighting Assad")
    "meet", "met", "invited", "inviting", "urged", "urging", "called", "accused", "accusing", "blamed", "blaming",
    "fighting", "dismissing", "backing", "supporting", "opposing", "attacking", "targeting", "bombing",
    "condemning", "criticising", "criticizing", "rejecting", "excluding", "isolating", "pressing", "pressuring",
    "arming", "funding", "topple", "toppling", "oust", "ousting", "overthrow", "overthrowing", "remove", "removing",
}


_AUXILIARIES = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
    "should", "must", "did", "does", "do", "continues", "continued", "remains", "remained", "also", "still",
    "broke", "sent", "met", "held", "said", "told", "took", "led", "began", "gave", "made", "brought", "kept",
    "sought", "won", "set", "put", "spoke", "says", "wants", "hopes", "calls", "urges", "backs", "supports",
    "rejects", "agreed", "vetoed", "declared", "welcomed", "boycotted", "abandoned", "approved",
}


_RELATIONS = {"ally", "allies", "backer", "backers", "patron", "patrons", "partner", "partners", "supporter", "supporters"}


_TITLE_BREAK = re.compile(r"[,;:()\"“”]")  # between two names of one actor, it ends the title


_LIST_BREAK = re.compile(r"[;:()\"“”|]|\s[-–—]\s")  # between two names, it ends the list


_SPEAKER_BREAK = re.compile(r"[,;\"“”]")  # between a name and a speech verb, it is not the speaker


_INTRODUCES = re.compile(r"\s*(?:that\s*)?[:,]?\s*")  # what may follow a speech verb before a quotation


_THAT = re.compile(r"\bthat\b")


class _Lists(NamedTuple):
    """The word lists a sentence is read with (codebook.yaml's negators, speech verbs, ...)."""

    contrast: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    negators: re.Pattern[str]
    softeners: re.Pattern[str]
    earlier: re.Pattern[str]
    reservations: re.Pattern[str]
    flexibility: re.Pattern[str]
    syria: re.Pattern[str]
    other_conflicts: re.Pattern[str]
    foreign_qualifiers: re.Pattern[str]


def _word_lists(codebook: Codebook) -> _Lists:
    """The codebook's word lists as folded patterns (`Codebook.word_pattern`)."""
    return _Lists(*(codebook.word_pattern(name, folded=True) for name in _Lists._fields))


def _lists(codebook: Codebook, folded: str) -> _Lists:
    """The word lists of `codebook` to read the folded sentence `folded` with."""
    return codebook.derived(_word_lists)


_GROUP_STOPS = _AUXILIARIES | (_PREPOSITIONS - {"including"}) | {"that", "which", "who"}  # between two names, they part them


_TITLE_STOPS = _GROUP_STOPS | {"and"}  # between two names of one actor, they part them


_TITLE_WORDS = {"foreign", "minister", "ministry", "deputy", "president", "prime", "envoy", "special", "spokesman",
                "spokeswoman", "spokesperson", "ambassador", "chief", "secretary", "general", "state", "defence", "defense",
                "official", "officials", "leader", "head", "senior", "top", "representative", "mediator", "negotiator",
                "lead", "deputy", "presidential", "adviser", "advisor", "aide", "army", "military", "delegate", "mr",
                "mr.", "ms", "ms.", "dr", "dr.", "al", "bin", "de", "van", "von"}


def _title_word(word: str) -> bool:
    """A word that may stand in a title or name between two names of one actor ("Russian Foreign Minister
    Sergei Lavrov"): capitalised, or a title's own word (also as a name's particle "al-", "bin-" before the
    surname: "Deputy Minister Samir al-Haddad"); a verb in lower case ("heads", "told") ends it."""
    return word[:1].isupper() or word.lower().strip("'’.-") in _TITLE_WORDS or word[:1].isdigit()


NOBODY = ""  # the actor of a mention that speaks for no actor of the codebook (see `actor_mentions`)


def _is_past_verb(word: str) -> bool:
    """A lower-case word in -ed, not a hyphen's second half ("dismissed", "rejected"; not "-backed")."""
    return len(word) > 4 and word.endswith("ed") and word.islower() and not word.startswith("-")


def _preceding_word(text: str, pos: int, floor: int) -> str:
    """The word before `pos` (after `floor`), skipping determiners."""
    words = _WORD.findall(text, floor, pos)
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
    return words[-1].lower() if words else ""


_OPPOSITION = "syrian_opposition"


_QUANTIFIERS = {"several", "many", "some", "few", "other", "both", "all", "most", "member", "two", "three", "four", "five",
                "these", "those", "such", "various", "numerous", "media", "press", "news", "earlier", "recent"}


_PARTITIVE = {"members", "member", "officials", "official", "leaders", "leader", "head", "heads", "representatives",
              "representative", "delegates", "delegate", "spokesman", "spokeswoman", "spokesperson", "some", "many", "most",
              "several"}


# the head noun of a noun phrase an actor's name qualifies ("the main opposition coalition", "the government delegation")
_HEAD_NOUNS = {"coalition", "bloc", "alliance", "delegation", "delegations", "delegates", "negotiators", "officials",
               "forces", "troops", "army", "leaders", "leadership", "groups", "factions", "fighters", "representatives",
               "side", "camp", "council", "committee", "ministry", "spokesman", "spokeswoman", "figures", "members"}


_TIME_WORDS = {"on", "last", "this", "next", "week", "month", "year", "today", "yesterday", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday", "also", "still", "now"}


_PARTICIPLE = folded_pattern(r"\w+ed\b")


def _back_words(text: str, pos: int, n: int) -> int:
    """The offset `n` words (runs of non-space) before `pos`; 0 when there are fewer."""
    words = text[:pos].rsplit(None, n)  # the last n words, after the rest (if any) unsplit
    if len(words) < n:
        return 0
    start = pos
    for word in reversed(words[-n:]):
        start = text.rfind(word, 0, start)  # the word itself: only spaces follow it before `start`
    return start


# --- the grammar words of the stance reader proper (stances, stance_sentence, stance_cue): phrases of English
# --- that say who holds a cue or how it is meant; each a named pattern, with what it matches

# the actor id of the Syrian government, which some rules treat apart (Assad as the topic of a cue on his role)
_GOVERNMENT = "syrian_government"


# what a sentence may refer back to ("the decision", "this plan"): things done or said, and things proposed
REFERRED_DONE = ("decision", "move", "step", "announcement", "agreement", "deal", "accord", "statement", "declaration",
                 "communique", "communiqué", "resolution", "outcome")
REFERRED_PROPOSED = ("plan", "initiative", "proposal", "offer", "roadmap", "road map", "invitation")
# the first word of each: what the reader looks for in the body before trying _REFERS_BACK (stances._word_starts)
REFERRED_NOUNS = tuple(dict.fromkeys(noun.split()[0] for noun in REFERRED_DONE + REFERRED_PROPOSED))


def _nouns(nouns: tuple[str, ...]) -> str:
    return "|".join(noun.replace(" ", r"\s+") for noun in nouns)


# a verb of welcome, keeping or rejection whose object refers back to what the sentence before reported ("Moscow
# welcomed the decision", "Tehran will help guarantee the deal", "Damascus rejected the proposal"); group 1 is a
# rejection, group 2 a thing proposed
_REFERS_BACK = re.compile(
    r"\b(?:welcom(?:ed|es|e|ing)|prais(?:ed|es|e|ing)|hail(?:ed|s|ing)?|endors(?:ed|es|e|ing)|"
    r"(?:back|support|approv)(?:ed|s|ing)?|(?:accept|sign)(?:ed|s|ing)?|agree(?:d|s)?\s+to|"
    # keeping what was agreed: guaranteeing, implementing, respecting or abiding by it
    r"guarantee(?:d|s)?|guaranteeing|implement(?:ed|s|ing)?|respect(?:ed|s|ing)?|uphold(?:s|ing)?|upheld|"
    r"honou?r(?:ed|s|ing)?|(?:abide|abides|abided|abiding)\s+by|(?:comply|complies|complied|complying)\s+with|"
    r"(reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?))"
    rf"\s+(?:the|this|that|its|their|his|her|these|those)\s+(?:[\w'’-]+\s+)?(?:{_nouns(REFERRED_DONE)}|"
    rf"({_nouns(REFERRED_PROPOSED)})s?)\b(?!\s+(?:of|by|for|to|from)\b|"
    r"\s+on\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))",
    re.IGNORECASE)


# a first-person subject opening a sentence, up to the verb that refers back ("We support this initiative", "I fully
# back the plan"): inside a quotation, its speaker
_FIRST_PERSON_SUBJECT = re.compile(r"\W*(?:we|i)\s+(?:\w+\s+){0,2}\Z", re.IGNORECASE)


# a speech verb, often a participle, and the conjunction that opens what was said ('..., adding that ')
_SAID_THAT = re.compile(r"\b(?:said|says|adding|added|saying|stressing|stressed|noting|noted|insisting|insisted|"
                        r"warning|warned|arguing|argued)\s*,?\s+that\s+", re.IGNORECASE)


# a subordinate clause with a subject of its own after a verb of accusation or view ("he saw hope for the talks
# after both sides agreed to attend"): the verb's reservation does not reach into it (matched in the folded sentence)
_NEW_CLAUSE = re.compile(r"\b(?:after|when|because|since|once|as\s+soon\s+as)\s+(?!(?:\w+ing)\b)")


# "as X is demanding", "as X have long called for", "just as X wants" right after a cue, to the end of its clause
_AS_DEMANDED_BEFORE = re.compile(r"\s*,?\s*(?:just\s+)?as\s+(?:the\s+)?\Z", re.IGNORECASE)


# (after the holder) its verb of demanding, to the end of the clause
_AS_DEMANDED_AFTER = re.compile(
    r"(?:\s+and\s+(?:[\w-]+\s+){0,4}[\w-]+)?\s+(?:(?:is|are|was|were|has|have|had|also|long|"
    r"repeatedly|been)\s+){0,3}(?:demand|demands|demanded|demanding|want|wants|wanted|insist|insists|insisted|insisting|"
    r"call\s+for|calls\s+for|called\s+for|calling\s+for|urge|urges|urged|urging|seek|seeks|sought|seeking|propose|proposes|"
    r"proposed)\s*(?:[.;,!]|\Z)", re.IGNORECASE)


# a pronoun subject right before a cue's verb, with its auxiliaries ("... and repeated it would never negotiate")
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they)\s+(?:(?:would|will|could|can|should|must|had|has|have|did|does|do|was|"
                             r"were|is|are|not|never|also|still|firmly|now)\s+){0,3}\Z", re.IGNORECASE)


# a relative clause opened after the last comma before a name: the name is inside it ("The Kremlin, which backs Assad,")
_IN_RELATIVE = re.compile(r"\b(?:which|who|whose|whom)\b", re.IGNORECASE)


# a verb of working together right before a partner ("working with", "cooperate closely with", "together with")
_COOPERATES = re.compile(r"\b(?:work|works|worked|working|cooperat\w*|co-operat\w*|coordinat\w*|co-ordinat\w*|partner\w*|"
                         r"together|jointly)(?:\s+\w+ly)?\s+with\s+(?:the\s+)?\Z", re.IGNORECASE)

# a word of readiness, offer or wish before "to": what follows is offered, not yet agreed ("ready to work with")
_OFFER_BEFORE = re.compile(r"\b(?:ready|willing|prepared|eager|keen|offer\w*|want\w*|wish\w*|hop\w*|seek\w*|sought|"
                           r"propos\w*|invit\w*|ask\w*|urg\w*)\s+(?:\w+\s+)?to\s+\Z", re.IGNORECASE)


# a modal before the verb of working together: the holder's intention ("Ankara would work with the opposition to
# prepare for talks"), which its partner has not yet taken up
_PROMISE_BEFORE = re.compile(r"\b(?:will|would|shall|could|can|may|might|’ll|'ll)\s+(?:\w+ly\s+)?(?:continue\s+to\s+)?\Z",
                             re.IGNORECASE)

_PARTNER_GAP = {"to", "on", "in", "over", "for", "the", "a", "an"}  # between a partner and the cue ("with Russia to keep")


# "According to X, ..." opening a sentence: the source of what the clause after it says
_ACCORDING_TO = re.compile(r"\W*according\s+to\s+", re.IGNORECASE)


# whose view a clause states: "in Washington's view", "in the view of Moscow", "in Tehran's eyes", "in Ankara's opinion"
_IN_VIEW = re.compile(r"\bin\s+(?:the\s+)?(?:(?:view|eyes|opinion|judgement|judgment|assessment)\s+of\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+)?"
                      r"|[\w'’.-]+(?:\s+[\w'’.-]+)?(?:'s|’s|s')\s+(?:view|eyes|opinion|judgement|judgment|assessment))\b",
                      re.IGNORECASE)


# a frame of indecision right before "whether" (matched in the folded clause): the holder has not decided
_UNDECIDED = re.compile(
    r"(?:(?:refus|declin)\w*\s+to\s+(?:be\s+drawn|say|comment|speculate|commit\s+(?:itself|himself|herself|themselves))|"
    r"(?:not|n't|never)\s+(?:yet\s+)?(?:say|said|state|stated|indicate|indicated)|"
    r"(?:yet|not|still)\s+(?:\w+\s+){0,2}?(?:decided|decide|sure|clear)|to\s+decide|deciding|undecided|unsure|"
    r"uncertain|debating|weighing|considering|mulling|pondering)\s+(?:on\s+|about\s+|over\s+)?\Z")


# a subject that names its members with "neither ... nor" (matched in the folded clause before the cue)
_NEITHER_NOR = re.compile(r"\bneither\b[^,;]{1,80}?\bnor\b")


# a request or proposal right before the cue it asks for ("a Turkish request to", "Moscow's offer to", "the Saudi
# call for"); group "noun" is its noun (matched in the folded sentence)
_REQUEST_NOUN = (r"(?:request|requests|proposal|proposals|offer|offers|invitation|invitations|bid|suggestion|suggestions|"
                 r"initiative)")


# (the noun right before the cue, perhaps after its owner's name: "a Turkish request to")
_REQUEST_BEFORE = re.compile(rf"\b(?:a|an|the)?\s*(?:[\w.'’-]+\s+){{0,3}}?(?P<noun>{_REQUEST_NOUN})\s+(?:to|for)\s+\Z")


# a cue that itself opens with the noun of a request or offer ("offer to broker a truce")
_REQUEST_AT = re.compile(rf"{_REQUEST_NOUN}\s+(?:to|for)\b")


# a verb of urging and whom it urges, right before the cue ("called on the government to", "urged both sides
# not to"), or the second of two verbs it urges ("challenged the regime to sign the text and hand power to ..."):
# what follows is the urger's position, not the addressee's (matched in the folded sentence)
_URGED = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|ask(?:s|ed|ing)?|"
                    r"encourag(?:e|es|ed|ing)|challeng(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to|demand(?:s|ed|ing)?\s+that|exhort(?:s|ed|ing)?)"
                    r"\s+(?:[\w'’.-]+\s+){1,8}?(?:to\s+|not\s+to\s+|should\s+(?:not\s+)?)"
                    r"(?:(?:[\w'’.-]+\s+){1,8}?and\s+)?\Z")


# a cue that opens with a verb of urging, read in the passive when "be" stands before it ("was urged by Ankara to")
_URGED_BY = re.compile(r"(?:urged|called\s+(?:on|upon)|pressed|asked|encouraged|exhorted)\b")


# a question that asks whether (it opens with an auxiliary and ends with a question mark)
_YES_NO_QUESTION = re.compile(r"\W*(?:will|would|can|could|should|shall|does|do|did|is|are|was|were|has|have|had|may|might)"
                              r"(?:n't|n’t|\s+not)?\s[^?]*\?[\"”’']?\s*\Z", re.IGNORECASE)


# a verb of acceptance or rejection with "it" as its object, standing for the issue of the clause before
# ("Damascus agreed to the truce but the rebels rejected it"); group 1 is a rejection
_PRONOUN_OBJECT = re.compile(
    r"\b(?:(?:accept|back|support|welcom|endors)(?:ed|es|s|e|ing)?|(reject|oppos|dismiss|denounc)(?:ed|es|s|e|ing)?)"
    r"\s+(?:it|them)\b(?!\s+(?:was|is|were|would|will|had|has|could|can|should|must)\b)", re.IGNORECASE)


# an issue's noun as the subject of a passive with its agent ("the truce was rejected by Damascus", "the talks were
# attended by Russia, Turkey and Iran"), up to the end of the clause
_PASSIVE_ISSUE = re.compile(
    r"\b(?P<det>the|a|an|this|that|its|their|any)\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:truce|truces|ceasefire|ceasefires|"
    r"cease-fire|cease-fires|talks|negotiations|plan|proposal|deal|agreement|conference|invitation|initiative|"
    r"transitional\s+(?:government|governing\s+body|body))(?:\s+(?:in|at|on|for|with|between|over|of)\s+(?:[\w'’-]+\s+){0,3}?"
    r"[\w'’-]+)?)\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are|"
    r"is\s+being|was\s+being|will\s+be|would\s+be)\s+(?:\w+ly\s+)?(?P<verb>[a-z]{3,}ed)\s+by\s+"
    r"(?P<agent>[^.;:!?\"“”()]+?)(?=\s*(?:[.;:!?\"”]|,\s+(?:which|who|after|when|as|but|while|saying|amid)\b|\Z))",
    re.IGNORECASE)


# the comma that ends the agent of a passive and opens another clause ("by Damascus, the talks would fail"), not a list's
_AGENT_END = re.compile(r",\s+(?=(?!and\b|or\b|the\s+[A-Z])[a-z])")


# a verb of view among the reservations (codebook.yaml): what it has right after it as its object is the viewer's own
# view ("saw little hope for the talks"), not a claim about another's conduct ("saw the rebels' demand as a ploy")
_VIEW_VERB = re.compile(r"sees|saw|views|viewed|regards|regarded")


# the words between a reported subject and the cue's verb that make it an obligation ("the rebels must", "should not",
# "will have to"): what the subject must do is the speaker's demand, not the subject's stance
_OBLIGED = re.compile(r"(?:(?:also|now|first|still)\s)?(?:must|should|ought\sto|needs?\sto|(?:has|have|will\shave|would\shave)\sto)"
                      r"(?:\s(?:also|now|first|immediately|not|never|be))*")


# a reported claim of what must be whose subject names no actor ("any talks must lead to", "a settlement should be
# based on", "the next round has to"), up to the cue
_OBLIGED_CLAIM = re.compile(
    r"\W*(?:(?:the|a|an|any|every|all|such|this|these|those)\s+)?(?:[\w'’-]+\s+){0,5}?(?:must|should|ought\s+to|needs?\s+to|"
    r"(?:has|have|will\s+have|would\s+have)\s+to)\s+(?:not\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)


# a text as the subject of a clause, with the agents who drew it up or back it ("The plan, drafted by ", "A resolution
# put forward jointly by the "): they hold what the text says (see `stance_cue._document_agents`)
_DOCUMENT_BY = re.compile(
    r"\W*(?:the|a|an|this|that|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:plan|plans|proposal|proposals|resolution|roadmap|"
    r"road\s+map|draft|statement|communiqu[eé]|declaration|initiative|document|agreement|deal|accord|blueprint|framework)"
    r"\s*,?\s+(?:\w+ly\s+)?(?:drafted|proposed|backed|put\s+forward|tabled|sponsored|co-sponsored|written|issued|presented|"
    r"submitted|drawn\s+up|unveiled|endorsed|circulated|adopted|brokered|negotiated|approved)\s+(?:\w+ly\s+)?by\s+"
    r"(?:the\s+)?", re.IGNORECASE)


# the issues where taking part can be made conditional (attending talks, keeping a truce)
_CONDITIONED_ISSUES = frozenset({"negotiations", "ceasefire"})


# a condition right after a cue, with a clause of its own (not "only after consulting ..."): "only if the bombing
# stops", "provided that", "on condition that" (matched in the folded sentence)
_CONDITION_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:(?:only\s+if|provided(?:\s+that)?|providing\s+that|on\s+(?:the\s+)?condition\s+that)"
                              r"\s+(?!\w+ing\b)|only\s+(?:after|when|once)\s+(?!\w+ing\b)(?:[\w'’-]+\s+){1,4}?(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)"
                              r"(?<!\bits\s)(?<!\btheir\s)(?:is|are|was|were|has|have|had|will|would|can|could|\w+ed|\w+s)\b)")


# "before" or "until" right before a cue in -ing, after a demand ("demanded ... before returning to talks"): a
# precondition of taking part (matched in the folded clause before the cue)
_PRECONDITION_BEFORE = re.compile(r"\b(?:demand\w*|insist\w*|want\w*|call\w*\s+for|requir\w*|seek\w*|sought)\b[^,;]{1,80}?"
                                  r"\b(?:before|prior\s+to)\s+\Z")


# the title of a person right after the name of the actor they serve ("the Russian| foreign minister", "the UN| envoy"):
# a person who may be the "he" or "she" of an attribution
_PERSON_TITLE = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:minister|secretary|envoy|spokesman|spokeswoman|spokesperson|"
                           r"president|ambassador|mediator|negotiator|diplomat)\b", re.IGNORECASE)


# a person's pronoun or title and a verb of speech opening a paragraph ("He said", "The envoy told reporters"): the
# person the paragraph before spoke of
_PERSON_SAID = re.compile(r"(?:he|she|the\s+(?:(?:top|chief|foreign|special|senior|peace|prime|UN|U\.N\.)\s+){0,2}(?:minister|"
                          r"envoy|mediator|diplomat|spokesman|spokeswoman|president|secretary|ambassador|negotiator))\s+"
                          r"(?:also\s+|later\s+|then\s+)?(?:said|says|told|added|stressed|insisted|warned)\b", re.IGNORECASE)


# a pronoun, or a title standing for the person just named ("the foreign minister", "the envoy")
_PRONOUN_START = re.compile(
    r"^\W*(?:that\s+)?(?:he|she|it|they|we|i|the\s+(?:(?:top|chief|foreign|special|senior|deputy|peace|prime|UN|U\.N\.)\s+){0,2}"
    r"(?:minister|envoy|mediator|diplomat|spokesman|spokeswoman|spokesperson|president|secretary|ambassador|official|"
    r"negotiator)"
    # a possessive pronoun and whom it names ("Its leader said ...", "His spokesman added ...", "Her deputy said ...")
    r"|(?:its|his|her|their)\s+(?:(?:top|chief|foreign|senior|deputy|lead|main|prime)\s+){0,2}(?:leader|leaders|head|chief|"
    r"spokesman|spokeswoman|spokesperson|envoy|negotiator|negotiators|delegation|delegates|minister|ministry|"
    r"representative|representatives|office|government|deputy|ambassador|diplomat|mediator))\b", re.IGNORECASE)


# a plural noun standing for the list of actors just named ("the three countries", "the trio")
_PLURAL_START = re.compile(r"^\W*(?:the\s+(?:(?:two|three|four|five|\d)?\s*(?:countries|states|powers|nations|governments|"
                           r"trio|guarantors|guarantor\s+(?:states|countries|powers))|(?:two|three|four|five)\s+(?:sides|parties|"
                           r"(?:foreign\s+)?ministers|leaders|delegations|presidents|men|women|diplomats|envoys|officials|"
                           r"allies|capitals)|pair)|both(?:\s+(?:sides|men|countries|leaders|ministers|governments))?"
                           r"(?=\s+(?:have|has|had|will|would|also|said|agreed|[a-z]+ed)\b))\b", re.IGNORECASE)


# a cue that opens with a demand or call (matched in the folded sentence): "it" after it stands for the demand
_DEMAND_CUE = re.compile(r"(?:[\w'’-]+\s+){0,2}?(?:demand|call|insist|urg|want|request|press|seek|sought|propos)")


# a definite noun for a body, as the subject of reported content, that stands for the speaker's own body ("... said
# the group would attend", "said the kingdom backed ..."), up to the cue's verb with its auxiliaries; group "noun"
_OWN_BODY = re.compile(r"\W*the\s+(?:[\w-]+\s+)?(?P<noun>group|bloc|body|organi[sz]ation|alliance|movement|kingdom|"
                       r"administration|coalition|committee|council)\s+(?:(?:has|have|had|will|would|could|can|was|were|is|are|"
                       r"did|does|do|also|still|now|not|never|already|remained|remains|been)\s+){0,3}\Z", re.IGNORECASE)


# the actors each of those nouns may stand for (the kingdom is Saudi Arabia's, the administration Washington's)
_OWN_BODY_ACTORS = {
    "group": {"syrian_opposition"}, "bloc": {"syrian_opposition"}, "alliance": {"syrian_opposition"},
    "movement": {"syrian_opposition"}, "coalition": {"syrian_opposition"}, "committee": {"syrian_opposition"},
    "body": {"syrian_opposition", "united_nations"}, "organisation": {"syrian_opposition", "united_nations"},
    "organization": {"syrian_opposition", "united_nations"}, "council": {"united_nations"},
    "kingdom": {"saudi_arabia"}, "administration": {"united_states"},
}


# a relative pronoun right before a name inside a cue, whose verb ends the cue: the name is the relative clause's
# subject ("the ceasefire, which Russia and Turkey brokered"), the cue's noun its object
_OBJECT_RELATIVE = re.compile(r"\b(?:which|that|whom)\s+(?:the\s+)?\Z", re.IGNORECASE)


# what follows the subject of such a relative clause to the cue's end: its verb in the past, perhaps after "had" or an
# adverb ("which Russia and Turkey| brokered"); not a content clause's verb ("demand that Assad| leave power")
_PAST_VERB_END = re.compile(r"\s+(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?[a-z]{3,}ed")


# a verb of taking part, staying away or walking out with no object ("stayed away.", "attended alongside ministers",
# "whether it would attend."): what it was is the talks named shortly before (see `stances._objectless`)
_OBJECTLESS = re.compile(
    r"\b(?P<verb>attend|attends|attended|attending|stay(?:s|ed|ing)?\s+away|walk(?:s|ed|ing)?\s+out|"
    r"(?:take|takes|took|taking)\s+part|boycott(?:s|ed|ing)?)"
    r"(?=\s*(?:[.,;:!?\"”)]|\Z)|\s+(?:on|in|at|after|alongside|with|as|because|since|until|unless|if|but|and|or|only|"
    r"too|either|last|next|this|today|tomorrow|yesterday|instead|again|either)\b)", re.IGNORECASE)
# a word every match of _OBJECTLESS holds, at a word's start: what the reader looks for in the body before trying it
TAKING_PART_WORDS = ("attend", "stay", "walk", "part", "boycott")


# the object each such verb takes, by how it begins, to read it as a cue ("stayed away| from the talks")
_OBJECT_OF = (("attend", " the talks"), ("stay", " from the talks"), ("walk", " of the talks"),
              ("boycott", " the talks"), ("t", " in the talks"))


# a noun of talks in a sentence before (matched in the folded sentence)
_TALKS_NOUN = re.compile(r"\b(?:talks|negotiations|conference|congress|meeting|summit|round|session)\b")


# a question word before the subject of such a verb ("did not specify which groups would take part"): nobody's position
# (", which also attended," is a relative clause on the actor before it, not a question)
_WH_BEFORE = re.compile(r"(?<!,\s)\b(?:which|what|how\s+many)\s+(?:[\w'’-]+\s+){0,4}\Z", re.IGNORECASE)
