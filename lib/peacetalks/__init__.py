"""peacetalks: how the press covered the diplomacy of the Syrian war, as tables."""
from .corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
