"""The one Arabic analysis module: indexing, querying, highlighting and tagging
all go through here, so a word is cut, cleaned and folded the same way
everywhere. If two of those disagreed, a query would look for a term the index
never wrote, or a highlight would miss the word that matched.

Two levels of sameness are offered:

*exact* (:func:`strip_marks`, :func:`exact_terms`, :class:`ExactAnalyzer`)
    Ignores only what a reader cannot see or does not read as a different
    letter: harakat, Quranic marks, tatweel, invisible joiners and bidi
    controls, presentation-form glyphs, Latin case. Hamza seats, ة and ى stay
    as typed, so a researcher can ask for one spelling and get only it.

*broad* (:func:`fold`, :func:`stem`, :func:`broad_terms`, :class:`BroadAnalyzer`)
    Also folds the letters that writers, keyboards and scripts (Arabic,
    Persian, Kurdish Sorani) use interchangeably, drops function words and
    strips the commonest affixes with Lucene's light stemmer, so الپێشمهرگة,
    البيشمركة and بيشمركه meet, and بالصبر finds الصبر.

The folding and stemming rules are Lucene's (they are what Solr and
Elasticsearch users of Arabic search get, and they are well studied: Larkey,
Ballesteros & Connell, "Light Stemming for Arabic Information Retrieval",
2007), extended with the Kurdish letters our sources use. Lucene sources read
while writing this (apache/lucene, lucene/analysis/common/src/java/...):

* ``org/apache/lucene/analysis/ar/ArabicNormalizer.java`` (commit 0ee3fc53)
* ``org/apache/lucene/analysis/fa/PersianNormalizer.java`` (commit 0ee3fc53)
* ``org/apache/lucene/analysis/ar/ArabicStemmer.java`` (commit 334e8036)

and their tests (TestArabicNormalizationFilter, TestArabicStemFilter,
TestPersianNormalizationFilter), whose input/output pairs are reused in
tests/test_arabic_analysis.py. Lucene's ArabicAnalyzer also removes stop words
*before* normalising; we fold first (so one folded list covers أن/إن/ان) and
keep the one collision that matters, على/علي, apart (STOPWORDS_AS_TYPED).

Every public function is total: any ``str`` (and, defensively, ``None`` or
bytes) goes in, nothing raises. Offsets always refer to the caller's original
string, because highlighting and tagging need to point back into it.

The package, bottom up (each module imports only those above it):

* :mod:`~archive.arabic.normalise`: strip_marks and fold;
* :mod:`~archive.arabic.tokens`: tokenize;
* :mod:`~archive.arabic.lucene_stem`: Lucene's stemmer, stem;
* :mod:`~archive.arabic.stopwords`: the function words;
* :mod:`~archive.arabic.lexicon`: the corpus's word counts, how often a ة
  word follows a definite word, and the gazetteer's ب ل ك names; written,
  takes_article;
* :mod:`~archive.arabic.spellings`: hamza spellings read as the common one;
* :mod:`~archive.arabic.inflection`: the accusative's ا, ى before a pronoun,
  a name's ان;
* :mod:`~archive.arabic.stemming`: broad_stem;
* :mod:`~archive.arabic.terms`: exact and broad terms, ANALYSIS_VERSION;
* :mod:`~archive.arabic.analyzers`: the Whoosh analyzers.

Callers use ``from archive import arabic`` and ``arabic.<name>``: every
name they use is handed on here.
"""
from __future__ import annotations

from archive.arabic.analyzers import (
    ArabicStemFilter, ArabicStopFilter, ArabicTokenizer, BroadAnalyzer, ExactAnalyzer,
    FoldFilter, StripMarksFilter,
)
from archive.arabic.lexicon import (
    NAME_WORDS_PATH, WORD_COUNTS_PATH, _arabic_letters_only, _name_words, _word_counts,
    takes_article, written,
)
from archive.arabic.lucene_stem import stem
from archive.arabic.normalise import _as_text, fold, strip_marks
from archive.arabic.stemming import _PREPOSITIONS, broad_stem
from archive.arabic.stopwords import STOPWORDS, STOPWORDS_AS_TYPED, is_stopword
from archive.arabic.terms import (
    ANALYSIS_VERSION, _broad, _word_strip, broad_term, broad_terms, exact_term, exact_terms,
)
from archive.arabic.tokens import _WORD_RE, Token, _iter_tokens, tokenize

__all__ = [
    "strip_marks", "fold", "Token", "tokenize", "stem", "broad_stem", "STOPWORDS",
    "STOPWORDS_AS_TYPED", "is_stopword", "exact_term", "exact_terms",
    "broad_term", "broad_terms", "ArabicTokenizer", "StripMarksFilter",
    "FoldFilter", "ArabicStopFilter", "ArabicStemFilter", "BroadAnalyzer",
    "ExactAnalyzer", "ANALYSIS_VERSION", "written", "takes_article", "WORD_COUNTS_PATH", "NAME_WORDS_PATH",
]
