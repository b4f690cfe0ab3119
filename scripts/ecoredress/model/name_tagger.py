"""The words jieba's part-of-speech tagger tags as persons' names (``nr``, ``nrfg``, ``nrt``), at their offsets: the
words ``jieba.posseg.cut`` tags so, by its own dictionary and hidden Markov model, found in a fraction of its time.

jieba tags every word of a text and builds an object for each; the name warning of ``check`` needs only the words
tagged as persons. Four shortcuts, each exact (the same floating-point sums in the same order, ties broken the same
way), made ``check`` about 1.5 times faster (issue 14):

- a run of characters none of which can begin a surname holds no name that the warning would keep: it is passed
  over (``surnames`` is the pattern of those characters);
- the best route through the dictionary is scored in the same pass that finds the dictionary words (jieba first
  builds the word graph, then scores it), each frequency's logarithm computed once;
- the Viterbi search over characters the dictionary does not join into words tries, for each state, only the states
  that can precede it (jieba tries every previous state, nearly all of them with a transition of probability zero,
  which can never win: every state the search keeps has at least one possible predecessor);
- only the words tagged as persons are handed back, with their offsets (the tagger's words cover the text: its
  hidden Markov model has only the transitions B→M/E, M→M/E, E→B/S and S→B/S).

tests/model/test_person_names.py holds this to jieba's own tagger on the samples and on generated text.
"""

from __future__ import annotations

import importlib
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
State = tuple[str, str]  # (B, M, E or S; part of speech)


@dataclass
class _Model:
    freq: dict[str, int]
    logtotal: float
    word_tags: dict[str, str]
    char_states: dict[str, tuple[State, ...]]
    start: dict[State, float]
    transitions: dict[State, dict[State, float]]
    emissions: dict[State, dict[str, float]]
    predecessors: dict[State, dict[State, float]]
    han_internal: re.Pattern[str]
    han_detail: re.Pattern[str]
    min_float: float
    log_of: dict[int, float] = field(default_factory=dict)  # frequency → log(frequency) - log(total)


@cache
def _model() -> _Model:
    import jieba
    import jieba.posseg

    hmm = importlib.import_module("jieba.posseg.viterbi")  # the module: jieba.posseg.viterbi is its function

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    transitions = jieba.posseg.trans_P
    predecessors: dict[State, dict[State, float]] = {state: {} for state in transitions}
    for before, nexts in transitions.items():
        for state, probability in nexts.items():
            predecessors[state][before] = probability
    return _Model(
        jieba.dt.FREQ,
        math.log(jieba.dt.total),
        jieba.posseg.dt.word_tag_tab,
        jieba.posseg.char_state_tab_P,
        jieba.posseg.start_P,
        transitions,
        jieba.posseg.emit_P,
        predecessors,
        jieba.posseg.re_han_internal,
        jieba.posseg.re_han_detail,
        hmm.MIN_FLOAT,
    )


def load() -> None:
    """Load jieba's dictionary and model now (a forked worker process then shares them instead of loading its own)."""
    _model()


def frequency(word: str) -> int | None:
    """How often jieba's dictionary has ``word`` (None for a word it does not know)."""
    return _model().freq.get(word)


def person_words(text: str, surnames: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """(offset, word) of each word in ``text`` that jieba tags as a person's name (a single character too, as jieba
    may), in order, except in stretches in which ``surnames`` matches no character (no name begins there)."""
    model = _model()
    for block in model.han_internal.finditer(text):
        if surnames.search(block.group(0)) is not None:
            yield from _block(model, block.group(0), block.start(), surnames)


def _block(model: _Model, block: str, offset: int, surnames: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    # jieba.posseg.POSTokenizer.__cut_DAG: dictionary words along the best route; a run of single characters that is
    # not itself a dictionary word goes to the hidden Markov model, otherwise each character is a word of its own.
    route = _route(model, block)
    x = single = 0  # single: where the run of single characters before x began
    while x < len(block):
        y = route[x] + 1
        if y - x > 1:
            yield from _unknown(model, block, single, x, offset, surnames)
            if model.word_tags.get(word := block[x:y], "x") in PERSON_TAGS:
                yield offset + x, word
            single = y
        x = y
    yield from _unknown(model, block, single, len(block), offset, surnames)


def _route(model: _Model, sentence: str) -> list[int]:
    """jieba.Tokenizer.get_DAG and calc in one pass: for each position, the end of the word the best route takes
    (of equal scores, the longer word, as jieba's max over (score, end) takes)."""
    freq, log_of, logtotal = model.freq, model.log_of, model.logtotal
    size = len(sentence)
    scores, ends = [0.0] * (size + 1), [0] * (size + 1)
    for k in range(size - 1, -1, -1):
        best: float | None = None
        i, fragment = k, sentence[k]
        while i < size and fragment in freq:  # jieba's dictionary holds every prefix of its words, at frequency 0
            count = freq[fragment]
            if count:
                score = log_of.get(count)
                if score is None:
                    score = log_of[count] = math.log(count) - logtotal
                score += scores[i + 1]
                if best is None or score >= best:
                    best, end = score, i
            i += 1
            fragment = sentence[k : i + 1]
        if best is None:  # no dictionary word begins here: the character alone
            best, end = math.log(freq.get(sentence[k]) or 1) - logtotal + scores[k + 1], k
        scores[k], ends[k] = best, end
    return ends


def _unknown(
    model: _Model, block: str, start: int, end: int, offset: int, surnames: re.Pattern[str]
) -> Iterator[tuple[int, str]]:
    # jieba.posseg.POSTokenizer.__cut_detail and __cut: a run of single characters that is no dictionary word, each
    # stretch of Han characters in it through the Viterbi search.
    if end - start < 2 or model.freq.get(block[start:end]):
        return
    for piece in model.han_detail.finditer(block, start, end):
        sentence = piece.group(0)
        if surnames.search(sentence) is None:
            continue
        states, at, begin, after = _viterbi(model, sentence), offset + piece.start(), 0, 0
        for i, (place, tag) in enumerate(states):
            if place == "B":
                begin = i
            elif place in "ES":
                if place == "E" and tag in PERSON_TAGS:
                    yield at + begin, sentence[begin : i + 1]
                after = i + 1  # the first character after the last whole word
        if after < len(sentence) - 1 and states[after][1] in PERSON_TAGS:
            yield at + after, sentence[after:]


def _viterbi(model: _Model, sentence: str) -> list[State]:
    """jieba.posseg.viterbi.viterbi's path of states, each state tried only after the states that can precede it."""
    everything, transitions, emissions = model.transitions.keys(), model.transitions, model.emissions
    first = model.char_states.get(sentence[0], everything)
    scores = {y: model.start[y] + emissions[y].get(sentence[0], model.min_float) for y in first}
    back: list[dict[State, State]] = []
    for char in sentence[1:]:
        previous = [x for x in scores if transitions[x]]
        possible = [
            y for y in model.char_states.get(char, everything) if not model.predecessors[y].keys().isdisjoint(previous)
        ]
        if not possible:  # as jieba: the states that can follow, whatever the character
            possible = list({y for x in previous for y in transitions[x]})
        step, came = {}, {}
        for y in possible:
            emission, before = emissions[y].get(char, model.min_float), model.predecessors[y]
            if len(previous) < len(before):
                step[y], came[y] = max((scores[x] + before[x] + emission, x) for x in previous if x in before)
            else:
                step[y], came[y] = max((scores[x] + p + emission, x) for x, p in before.items() if x in scores)
        scores = step
        back.append(came)
    state = max((score, y) for y, score in scores.items())[1]
    path = [state]
    for came in reversed(back):
        state = came[state]
        path.append(state)
    return path[::-1]
