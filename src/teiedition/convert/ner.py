"""Optional statistical name recognition with a spaCy pipeline (the ``ner`` extra).

teiedition never downloads a model: the user installs one (``python -m spacy
download en_core_web_sm``) or points ``--ner`` at a pipeline saved on disk.
Recognised names that the register does not list are tagged without ``@ref``
and with ``cert="medium"`` and ``resp="#teiedition"``; they also enter the
suggestions for the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import InputError

#: spaCy entity labels → our kinds. NORP (nationalities, religious and political groups)
#: are peoples and adjectives, never names here.
LABELS = {"PERSON": "person", "PER": "person", "GPE": "place", "LOC": "place",
          "FAC": "place", "ORG": "org", "EVENT": "event"}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    kind: str


Recognizer = Callable[[str], list[Entity]]


def load_recognizer(model: str) -> Recognizer:
    """Load a spaCy pipeline by package name or path; return a function text → entities."""
    try:
        import spacy
    except ImportError:
        raise InputError("--ner needs spaCy: pip install 'teiedition[ner]', then install a "
                         "pipeline (python -m spacy download en_core_web_sm)") from None
    try:
        nlp: Any = spacy.load(model)
    except (OSError, ValueError) as err:
        raise InputError(f"--ner: cannot load the spaCy pipeline '{model}': {err}") from None

    def recognise(text: str) -> list[Entity]:
        return [Entity(ent.start_char, ent.end_char, LABELS[ent.label_])
                for ent in nlp(text).ents if ent.label_ in LABELS]
    return recognise
