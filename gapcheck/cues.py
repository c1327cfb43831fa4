"""Context rules: when a mention is learned, negated, or an ordinary word.

Two questions the matcher asks of the words around a mention:

* Is it held at all? "currently learning Rust" and "no experience with Kubernetes" name a
  skill the person does not (yet) have. Cue phrases are found with spaCy's ``Matcher`` on a
  blank English pipeline, only in clauses that contain a cue word at all, so a resume
  without any pays nothing.
* Is an ambiguous name the skill? "go the extra mile", "excel at", "R&D", "C-suite",
  "spark interest" are ordinary English; "Go, Rust", "written in Go", "Excel pivot tables"
  are skills.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

LEARNING = "learning"
NEGATED = "negated"

#: A clause ends at a line end, a sentence end, a bar, or a contrasting conjunction.
CLAUSE_BREAK = re.compile(
    r"\n|[;!?|•]|\.(?=\s|$)|\b(?:but|however|although|though|whereas|while|except)\b", re.IGNORECASE
)
#: Cheap test before spaCy runs: could the clause hold a cue at all? A superset of the
#: Matcher patterns below, so spaCy is loaded only for resumes that need it.
_MAYBE_CUE = re.compile(
    r"(?:(?:^|(?<=[\n.;!?|•:]))[^\w\n]*|\b(?:currently|now|actively|presently|also|still|am|i'm|been|started|begun|"
    r"began|begin|start|self|continuously|continue|to|in)[\s-]+)(?:learn|learning|studying|"
    r"exploring)\b|\blearning\s*:|\bstudying\b|\b(?:taking|took|enrolled|completing|"
    r"attending)\b[\w\s]{0,20}\b(?:course|courses|class|classes|bootcamp|mooc)\b|"
    r"\benroll|\bpursuing\b|"
    r"\binterest(?:ed|s)?\s+in\b|\bexploring\b|\b(?:working|preparing)\s+(?:toward|for)|"
    r"\b(?:no|zero|little|limited|without)\b[\w\s-]{0,40}?\b(?:experience|exposure|"
    r"knowledge|background|familiarity)\b|\b(?:not|never)\s+(?:yet\s+)?(?:familiar|"
    r"experienced|proficient|comfortable|used|worked|touched|tried|exposed|trained)\b|"
    r"\b(?:unfamiliar|inexperienced|lack|lacks|lacking)\b|n[’']t\s+(?:used|worked|use|work|"
    r"touched|tried)\b|\b(?:have|has|did|do|does)\s+not\s+(?:used|worked|use|work|touched|"
    r"tried)\b|\bin progress\b|\b(?:get|getting|break|breaking|transition|move)\s+into\b|"
    r"\bto\s+(?:learn|study|explore|master|pick|get|dive|gain|improve|work|use|try|apply|"
    r"become|earn|obtain|complete|add|build|expand|develop|grow|take|pursue|sit|cross)\b|"
    r"\b(?:i|should|must|will)\s+learn\b|\b(?:teaching|training)\s+myself\b|"
    r"\b(?:currently|now)\s+(?:completing|taking|pursuing|finishing|doing|training|enrolled|"
    r"attending)\b|\b(?:not|never)\s+(?:yet\s+)?(?:using|certified|licensed)\b",
    re.I,
)


#: Words every cue contains one of; cheap to find in a whole resume.
_CUE_KEYWORD = re.compile(
    r"\b(?:learn\w*|stud\w+|course\w*|class\w*|bootcamp|mooc|enroll\w*|pursu\w*|"
    r"interest\w*|explor\w*|toward\w*|prepar\w*|no|zero|little|limited|without|not|never|"
    r"unfamiliar|inexperienced|lack\w*|\w+n[’']t|progress|into|master|pick|dive|gain|"
    r"improve|try|apply|work|use|want\w*|hop\w+|plan\w*|eager|keen|looking|aim\w*|aspir\w+|"
    r"like|love|intend\w*|excited|goal|seeking|ready|need\w*|wish|myself|currently)\b", re.I)


#: The same keywords as words of the matcher ("haven't" is "haven" + "t").
_CUE_KEYWORDS = frozenset(
    """learn learning learned studying study course courses class classes bootcamp mooc enroll
    enrolled enrolling pursuing pursue interest interested interests exploring explore toward
    towards preparing prepare no zero little limited without not never unfamiliar
    inexperienced lack lacks lacking progress into haven hasn didn don doesn isn wasn aren
    hadn master pick dive gain improve try apply work use want wants wanting hope hoping
    hopes hoped plan planning plans planned eager keen looking aim aiming aspire aspiring
    like love intend intending excited goal seeking ready need needs wish myself
    currently""".split()
)


def has_cue_word(text: str) -> bool:
    """True when ``text`` may hold a learning or negation cue."""
    return _MAYBE_CUE.search(text) is not None


def clause_of(breaks: list[int], text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the clause holding ``pos``; ``breaks`` are CLAUSE_BREAK starts."""
    i = bisect.bisect_right(breaks, pos)
    start = breaks[i - 1] + 1 if i else 0
    end = breaks[i] if i < len(breaks) else len(text)
    return start, end


def _cue_marks(text: str, lo: int, hi: int):
    """Where a possible cue starts and ends: "Currently\nLearning Pulumi" marks the
    clause of its second line too."""
    for m in _MAYBE_CUE.finditer(text, lo, hi):
        yield m.start()
        yield m.end() - 1


#: Keywords that are cues only after "to" ("want to work with", "to use").
_AFTER_TO = frozenset("master pick dive gain improve try apply work use".split())
_BEFORE_LEARNING_NAME = frozenset("""machine deep reinforcement transfer supervised
    unsupervised federated statistical scikit sci distance representation metric
    ensemble""".split())
_BEFORE_INTO = frozenset("get getting break breaking transition move moving".split())


class CueIndex:
    """The cue phrases of one text, looked for once: a cheap pass over the whole text
    marks where a cue may stand, and spaCy reads only the clauses so marked."""

    def __init__(self, text: str, words: list[tuple[str, int, int]] | None = None) -> None:
        self.text = text
        self.breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
        # A quick keyword pass (over the matcher's words when given), then the full
        # pattern only around each keyword.
        if words is None:
            hits = [(k.start(), k.end()) for k in _CUE_KEYWORD.finditer(text)]
        else:
            # Verbs and "like"/"into" are cues only in "to work", "like to", "get into":
            # the neighbouring word rules most of them out before any regex runs.
            hits = []
            last = len(words) - 1
            for i, (w, s, e) in enumerate(words):
                if w not in _CUE_KEYWORDS:
                    continue
                if w in _AFTER_TO and (i == 0 or words[i - 1][0] != "to"):
                    continue
                if w == "like" and (i == last or words[i + 1][0] != "to"):
                    continue
                if w == "into" and (i == 0 or words[i - 1][0] not in _BEFORE_INTO):
                    continue
                if w.startswith("learn") and i and words[i - 1][0] in _BEFORE_LEARNING_NAME:
                    continue  # "Machine Learning", "scikit-learn": names, not cues
                hits.append((s, e))
        # Windows around neighbouring keywords overlap; scan each stretch once.
        maybe: set[int] = set()
        lo = hi = -1
        for s, e in sorted(hits):
            if s - 60 > hi:
                if hi >= 0:
                    maybe.update(_cue_marks(text, lo, hi))
                lo = max(0, s - 60)
            hi = e + 60
        if hi >= 0:
            maybe.update(_cue_marks(text, lo, hi))
        self._maybe = sorted(maybe)
        self._clauses: dict[tuple[int, int], list[tuple[str, int, int]]] = {}

    def before(self, pos: int) -> tuple[tuple[int, int], list[tuple[str, int, int]]]:
        """The clause holding ``pos`` and its cues that end before ``pos``."""
        clause = clause_of(self.breaks, self.text, pos)
        k = bisect.bisect_left(self._maybe, clause[0])
        if k == len(self._maybe) or self._maybe[k] >= pos:
            return clause, []
        if clause not in self._clauses:
            self._clauses[clause] = [
                (label, clause[0] + s, clause[0] + e)
                for label, s, e in find_cues(self.text[clause[0] : clause[1]])
            ]
        return clause, [cue for cue in self._clauses[clause] if cue[2] <= pos]
#: "Python (learning)", "Rust - in progress" just after the mention.
POST_CUE = re.compile(
    r"\s*[(\[-–]\s*(?:currently\s+)?(?:learning|in progress|studying|self-study|beginner,?"
    r"\s*learning|basic,?\s*learning)\b",
    re.IGNORECASE,
)
#: "Spanish course", "Portuguese classes": the skill is what a course teaches ...
COURSE_AFTER = re.compile(r"\s+(?:course|courses|class|classes|lessons|bootcamp|program)\b",
                          re.IGNORECASE)
#: ... and the person is in it now, not done with it.
ENROLLED = re.compile(r"\b(?:taking|enrolled|enrolling|attending|signed up|registered|"
                      r"starting|currently in)\b", re.IGNORECASE)
#: Words that may stand between a cue and the skills it governs.
SCOPE_WORDS = frozenset(
    """with in of on to the a an and or some any basic basics more about how use using for
    as also both like such tools tool skills yet myself into languages language
    programming frameworks framework technologies including e g eg i am currently learn
    advanced deeper working work data other hands experience knowledge exposure my own
    through via courses course online certification certifications its it libraries
    library platforms learning studying get getting certified certificate up""".split()
)
#: Learning headings and line labels: "Currently Learning", "Learning:", "Exploring".
LEARNING_HEADING = re.compile(
    r"^\s*(?:(?:training|courses?|coursework|certifications?|credentials|skills?|"
    r"licen[cs]es?)\s+(?:&\s+\w+\s+)?)?(?:currently\s+|now\s+|still\s+)?(?:learning|exploring|studying|in progress|"
    r"next up|up next|next steps?|next|what'?s next|what i'?m (?:learning|working on)|"
    r"looking ahead|where i'?m (?:headed|going)|growth areas?|growing|to learn|"
    r"learning goals|(?:career |professional |future )?goals|aspirations|future plans|"
    r"wish ?list)\b",
    re.IGNORECASE
)

_VERB_TO = ["learn", "study", "explore", "master", "pick", "get", "dive", "gain", "improve",
            "work", "use", "try", "apply", "become", "earn", "obtain", "complete", "add",
            "build", "expand", "develop", "grow", "take", "pursue", "sit", "cross"]
_PATTERNS = {
    LEARNING: [
        [{"LOWER": {"IN": ["currently", "now", "actively", "presently", "also", "still", "am",
                           "'m", "been", "started", "begun", "began", "begin", "start",
                           "self", "continuously", "continue"]}},
         {"LOWER": {"IN": ["-"]}, "OP": "?"},
         {"LOWER": {"IN": ["learning", "studying", "exploring", "teaching"]}}],
        [{"LOWER": {"IN": ["want", "wants", "wanting", "hope", "hoping", "hopes", "plan",
                           "planning", "plans", "eager", "keen", "looking", "aim", "aiming",
                           "aspire", "aspiring", "like", "love", "intend", "intending",
                           "excited", "goal", "seeking", "ready", "need", "needs",
                           "wish", "would", "hoped", "planned"]}},
         {"LOWER": {"IN": ["is", "are"]}, "OP": "?"},
         {"LOWER": "to"},
         {"LOWER": {"IN": _VERB_TO}}],
        [{"LOWER": {"IN": ["interested", "interest", "interests"]}}, {"LOWER": "in"}],
        [{"LOWER": {"IN": ["teaching", "training"]}}, {"LOWER": "myself"}],
        # "currently completing EMDR training", "currently taking Portuguese classes"
        [{"LOWER": {"IN": ["currently", "now"]}},
         {"LOWER": {"IN": ["completing", "taking", "pursuing", "finishing", "doing",
                           "training", "enrolled", "attending"]}}],
        # "suggested that I learn Appium", "I should learn Rust"
        [{"LOWER": {"IN": ["i", "should", "must", "will"]}}, {"LOWER": "learn"}],
        [{"LOWER": {"IN": ["taking", "took", "enrolled", "completing", "attending"]}},
         {"LOWER": {"IN": ["a", "an", "in", "the", "online"]}, "OP": "*"},
         {"LOWER": {"IN": ["course", "courses", "class", "classes", "bootcamp", "mooc"]}}],
        [{"LOWER": {"IN": ["studying", "pursuing", "exploring"]}}],
        [{"LOWER": {"IN": ["working", "preparing"]}},
         {"LOWER": {"IN": ["toward", "towards", "for"]}}],
        [{"LOWER": {"IN": ["getting", "get", "break", "breaking", "transition", "move"]}},
         {"LOWER": "into"}],
        [{"LOWER": "in"}, {"LOWER": "progress"}, {"LOWER": ":"}],
        [{"LOWER": "learning"}, {"LOWER": ":"}],
    ],
    NEGATED: [
        [{"LOWER": {"IN": ["no", "zero", "little", "limited"]}},
         {"LOWER": {"IN": ["prior", "professional", "production", "hands", "-", "on", "direct",
                           "formal", "real", "commercial", "practical", "previous", "work"]},
          "OP": "*"},
         {"LOWER": {"IN": ["experience", "exposure", "knowledge", "background",
                           "familiarity"]}}],
        [{"LOWER": {"IN": ["not", "never"]}}, {"LOWER": "yet", "OP": "?"},
         {"LOWER": {"IN": ["familiar", "experienced", "proficient", "comfortable", "used",
                           "worked", "touched", "tried", "exposed", "trained", "using",
                           "certified", "licensed"]}}],
        [{"LOWER": {"IN": ["unfamiliar", "inexperienced"]}}],
        [{"LOWER": {"IN": ["have", "has", "did", "do", "does"]}}, {"LOWER": "not"},
         {"LOWER": {"IN": ["used", "worked", "use", "work", "touched", "tried"]}}],
        [{"LOWER": {"IN": ["haven't", "hasn't", "didn't", "don't", "doesn't", "haven’t"]}},
         {"LOWER": {"IN": ["used", "worked", "use", "work", "touched", "tried"]}}],
        [{"LOWER": {"IN": ["lack", "lacks", "lacking"]}}],
        [{"LOWER": "without"}, {"LOWER": {"IN": ["any", "prior"]}, "OP": "?"},
         {"LOWER": {"IN": ["experience", "exposure", "knowledge"]}}],
    ],
}


@lru_cache(maxsize=1)
def _nlp_and_matcher():
    # spaCy is imported here, not at module import, so `import gapcheck` stays light.
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for label, patterns in _PATTERNS.items():
        matcher.add(label, patterns)
    return nlp, matcher


def find_cues(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of every learning/negation cue in ``text``, by char offset.

    >>> find_cues("currently learning Rust")
    [('learning', 0, 18)]
    """
    if not has_cue_word(text):
        return []
    nlp, matcher = _nlp_and_matcher()
    doc = nlp.make_doc(text)
    out = []
    for match_id, start, end in matcher(doc):
        label = nlp.vocab.strings[match_id]
        span = doc[start:end]
        out.append((label, span.start_char, span.end_char))
    # A clause that opens with "Learning Rust" has its cue at the start.
    m = re.match(r"\s*(?:[-*>]\s*)?learning\b(?!\s*(?:and|&|management|objectives|platform))",
                 text, re.IGNORECASE)
    if m:
        out.append((LEARNING, m.start(), m.end()))
    return sorted(out, key=lambda c: c[1])


# --- ambiguous names -------------------------------------------------------------------

#: After an ambiguous name, these words mean the ordinary word ("excel at", "go the").
ORDINARY_NEXT = frozenset(
    """at the to a an beyond above into up out off me us you your our their his her its of
    interest curiosity joy conversations ideas change innovation from back over ahead
    getting person team forward around well far de du la""".split()
)
#: Before an ambiguous name, these words mean the ordinary word ("grade C", "vitamin C").
ORDINARY_PREV = frozenset(
    """grade grades vitamin plan type class level tier section part hepatitis size category
    option appendix exhibit building room suite unit row block lot mr mrs ms dr will
    would can could must should let lets let's didn't don't not never always quick rapid
    prompt sous head executive pastry line private personal""".split()
)
#: After an ambiguous name, these words mean the skill ("Go services", "Excel macros").
SKILL_NEXT = frozenset(
    """programming language languages code coding scripts script scripting developer
    developers engineer engineers apps app applications application services service
    library libraries package packages framework api apis sdk jobs job cluster clusters
    pipelines pipeline models model macros macro spreadsheets spreadsheet workbooks
    workbook dashboards dashboard formulas formula pivot vlookup reports backend
    microservices modules module notebooks queries query stack version streaming sql
    dataframes rdd rdds cookbooks recipes manifests gems crates routines user users classifier classifiers""".split()
)
#: Before an ambiguous name, these words mean the skill ("written in Go", "using Spark").
SKILL_PREV = frozenset(
    """using use used with in via leveraging leverage utilizing utilising utilized through
    written wrote coded coding programming program programmed developed built
    implemented languages language proficient proficiency expert expertise experienced
    knowledge advanced intermediate fluent skilled learning learn learned learnt
    studying study bilingual trilingual speak speaks native conversational""".split()
)
#: Spoken languages: their names are common words, but a resume that names one means it.
SPOKEN_LANGUAGES = frozenset("""english spanish french german italian portuguese polish
    russian ukrainian mandarin cantonese chinese japanese korean vietnamese tagalog hindi
    urdu punjabi bengali arabic hebrew farsi persian turkish greek dutch swedish norwegian
    danish finnish thai indonesian malay czech romanian hungarian somali swahili amharic
    hmong navajo asl""".split())
#: Words before a one-letter name that leave it the language: "Embedded C", "ANSI C".
LETTER_NAME_PREV = frozenset("""embedded ansi objective modern standard iso gnu base
    and or in with using""".split())
LIST_SEP = re.compile(r"^\s*(?:[,/&+|]|\band\b|\bor\b|,\s*(?:and|or)\b)\s*$", re.IGNORECASE)
LABEL_LINE = re.compile(
    r"^\s*(?:[-*]\s*)?(?:(?:technical\s+|core\s+|key\s+)?skills?|languages?|programming|"
    r"tools?|tech(?:nologies|nology)?|stack|tech stack|software|platforms?|frameworks?|"
    r"libraries|databases?|environment|proficiencies|competencies|expertise|toolbox|"
    r"technologies used|tools used|systems|bilingual|multilingual|spoken languages|"
    r"fluent in)\s*[:\-–]",
    re.IGNORECASE,
)
