"""Find unit groups by the words of their titles, in English or French, or by their codes.

Matching ignores case and accents, and each word of the query matches the start of a word of the
title ("nurse" finds "Registered nurses"; "electricien" finds "Électriciens"). A unit group
matches when every word of the query does. The index is built in memory on first use; a query
then takes a few microseconds (``benchmarks/bench_noc.py``).

>>> for found in search("software engineer"):
...     print(found)
21231 Software engineers and designers
21311 Computer engineers (except software engineers and designers)
>>> [found.code for found in search("ÉLECTRICIENS industriel", language="fr")]
['72200', '72201']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from typing import Literal

import attrs

from expressentry.noc.hierarchy import NocGroup, group, unit_groups
from expressentry.noc.version import NocVersion

__all__ = ["Language", "search"]

Language = Literal["en", "fr"]
"""A title language: ``"en"`` for English, ``"fr"`` for French."""

_WORD = re.compile(r"[^\W_]+")
# Sorts after every character a normalised word can hold, to bound a prefix range.
_AFTER_EVERY_CHARACTER = chr(0x10FFFF)


def _words(text: str) -> list[str]:
    """The words of ``text``, without case or accents ("Électriciens" -> "electriciens")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _WORD.findall(bare.casefold())


@attrs.frozen
class _TitleIndex:
    """Sorted title words, each with the codes of the unit groups whose title holds it."""

    words: tuple[str, ...]
    codes_by_word: tuple[frozenset[str], ...]

    def starting_with(self, prefix: str) -> frozenset[str]:
        low = bisect_left(self.words, prefix)
        high = bisect_left(self.words, prefix + _AFTER_EVERY_CHARACTER, low)
        return frozenset().union(*self.codes_by_word[low:high])


@functools.cache
def _index(version: NocVersion, language: Language | None) -> _TitleIndex:
    postings: dict[str, set[str]] = {}
    for found in unit_groups(version):
        # The code is a word too: "31301" finds its unit group, "313" those of its minor group.
        postings.setdefault(found.code, set()).add(found.code)
        titles = {"en": found.title, "fr": found.title_fr or ""}
        for title_language, title in titles.items():
            if language in (None, title_language):
                for word in _words(title):
                    postings.setdefault(word, set()).add(found.code)
    words = tuple(sorted(postings))
    return _TitleIndex(words, tuple(frozenset(postings[word]) for word in words))


def search(
    query: str, version: NocVersion = NocVersion.NOC_2021, *, language: Language | None = None
) -> tuple[NocGroup, ...]:
    """The unit groups of ``version`` whose title holds every word of ``query``, in code order;
    a word of digits matches the start of the code.

    ``language`` restricts the search to English (``"en"``) or French (``"fr"``) titles; by
    default both are searched; another value raises :class:`ValueError`. NOC 2016 titles are
    in English only. A query without any word raises :class:`ValueError`.

    >>> [found.code for found in search("registered nurses")]
    ['31301']
    >>> [found.code for found in search("cuisiniers")]
    ['63200']
    >>> [found.code for found in search("Electricians", NocVersion.NOC_2016)]
    ['7241', '7242', '7243']
    >>> [found.code for found in search("3130")]
    ['31300', '31301', '31302', '31303']
    >>> [found.code for found in search("313 nurse")]
    ['31301', '31302']
    """
    if language not in (None, "en", "fr"):  # a typing slip, not an empty result
        raise ValueError(f"language must be 'en', 'fr' or None, got {language!r}")
    if version is NocVersion.NOC_2016 and language == "fr":
        raise ValueError("NOC 2016 titles are available in English only")
    words = _words(query)
    if not words:
        raise ValueError(f"the query {query!r} has no word to search for")
    index = _index(version, language)
    found = index.starting_with(words[0])
    for word in words[1:]:
        found = found & index.starting_with(word)
    return tuple(group(code, version) for code in sorted(found))
