"""[role] name [, role]: reading who spoke from the words after a reporting
verb, a rank or a title; a name in quotation marks; the person an agency
quotes ("نقلت وكالة … عن X")."""
from __future__ import annotations

from archive.arabic import _word_counts, fold, strip_marks
from archive.speakers.given_names import adjective, common_noun
from archive.speakers.name_span import _GOD, _name_from
from archive.speakers.reading import (
    _COMPASS, _IN_PLACE, Quoted, _article_written_name, _construct_of_role, _family_name, _has_article, _is_role_word,
)
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, STOP, TITLES, UNNAMED, _BREAK_CHARS,
    _FROM, _IN_NAME_OF, _MAX_ROLE_WORDS, _OF_PRINCIPAL, _ON,
    _OPEN_QUOTES, _PRINCIPALS, _SPOKESMAN, _THAT_IS, _TONGUE, _BARE_BEFORE_NAME,
    _ROLE_QUALIFIERS,
)

#: "صاحب السمو الملكي الأمير X": an honorific before the rank.
_HIGHNESS = frozenset(fold(w) for w in ("صاحب", "وصاحب"))
_HIGHNESS_OF = frozenset(fold(w) for w in ("السمو", "المعالي", "الفضيلة", "السعادة", "الفخامة"))
_ROYAL = frozenset({fold("الملكي")})


def _opens_quote(text, tokens, v) -> bool:
    return text[tokens[v].end:tokens[v + 1].start].strip() in tuple(_OPEN_QUOTES)


def _name_in_quotes(text, tokens, folded, v):
    """'وقال "كيم مين-سيوك" وهو متحدث باسم الوزارة': a name in quotation
    marks after the verb, two to four words, then its role (وهو + a title,
    or a comma and a title)."""
    n = len(tokens)
    for e in range(v + 2, min(v + 5, n - 1)):
        gap = text[tokens[e].end:tokens[e + 1].start]
        if not any(ch in _BREAK_CHARS for ch in gap):
            continue
        if not any(ch in gap for ch in "\"”»") or any(ch in _BREAK_CHARS for ch in
                                                      text[tokens[v + 1].start:tokens[e].end] if ch != "-"):
            return None, v + 1
        r = e + 1
        if folded[r] in _THAT_IS and r + 1 < n:
            r += 1
        elif "،" not in gap and "," not in gap:
            return None, v + 1
        if folded[r] not in PERSON_TITLES or folded[r] in UNNAMED and folded[r] not in _SPOKESMAN:
            return None, v + 1
        if any(folded[p] in STOP or folded[p] in TITLES or _has_article(tokens, p) and p == v + 1
               for p in range(v + 1, e + 1)):
            return None, v + 1
        start, end = tokens[v + 1].start, tokens[e].end
        role_end = r
        while role_end + 1 < n and role_end - r < 5 and (_has_article(tokens, role_end + 1)
                                                        or folded[role_end + 1] in _IN_NAME_OF):
            role_end += 1
        return Quoted(name=strip_marks(text[start:end]), role=strip_marks(text[tokens[r].start:tokens[role_end].end]),
                      start=start, end=end), e + 1
    return None, v + 1


def _family_in_quotes(text, tokens, folded, v):
    """'وقال "المنجومي"': a family name alone in quotation marks right after
    the verb, a name the article writes elsewhere after a given name."""
    k = v + 1
    if k + 1 >= len(tokens) or not _has_article(tokens, k) or folded[k] in TITLES or folded[k] in UNNAMED:
        return None, k
    closing = text[tokens[k].end:tokens[k + 1].start]
    if not any(ch in closing for ch in "\"”»") or not _family_or_named(tokens, folded, k):
        return None, k
    return Quoted(name=strip_marks(tokens[k].text), role="", start=tokens[k].start, end=tokens[k].end), k + 1


def _after_source(folded, broken, k):
    """After "نقلت": the index of the person after "عن" or "على لسان" within
    a few words ("نقلت وكالة إنترفاكس للأنباء عن …"), else None."""
    for p in range(k, min(k + 8, len(folded) - 1)):
        if folded[p] == _FROM:
            return p + 1
        if folded[p] == _ON and folded[p + 1] == _TONGUE and p + 2 < len(folded):
            return p + 2
        if broken[p]:
            return None
    return None


def _person_at(text, tokens, folded, broken, k, needs_role=False):
    """Read [role words] name [, role] from token k. Returns (Quoted or None,
    next index). ``needs_role``: a name straight after k does not count."""
    role_start = k
    n = len(tokens)
    if folded[k] in _HIGHNESS and k + 2 < n and folded[k + 1] in _HIGHNESS_OF and not broken[k + 1]:
        k += 2           # "صاحب السمو الملكي الأمير X": an honorific, then the rank
        if folded[k] in _ROYAL and k + 1 < n:
            k += 1
    if folded[k] in UNNAMED and not folded[k].lstrip("وف") in _SPOKESMAN:
        return None, k + 1
    # 1. Role words before the name, across at most one comma
    #    ("الرئيس السوري، بشار الأسد"), or up to a rank however long the role.
    j = k
    if folded[k] in TITLES:
        r = k
        while r < n - 1 and r - k < 12 and folded[r] not in REPORTING_VERBS:
            if folded[r] in RANKS and r > k and not _team(tokens, folded, r):
                break
            if broken[r]:
                r = -1
                break
            r += 1
        if r > k and folded[r] in RANKS and not broken[r]:
            j = r + 1
            # "البريجادير جنرال الأمريكي كيفين كيليا"
            while j < n - 1 and (folded[j] in RANKS or _has_article(tokens, j)) and not broken[j]:
                j += 1
            if _in_name_of_person(folded, k, r):
                return None, j
            if j > r + 1 and _titled_family_name(tokens, folded, broken, j - 1):
                j -= 1
                return Quoted(name=strip_marks(tokens[j].text), role=strip_marks(text[tokens[k].start:tokens[j - 1].end]),
                              start=tokens[j].start, end=tokens[j].end), j + 1
            return _name_from(text, tokens, folded, broken, k, j, needs_role)
    if folded[k] in RANKS and k + 1 < n and not broken[k] and _titled_family_name(tokens, folded, broken, k + 1):
        # "وأوضح الدكتور الخزيم، أن", "وأكد اللواء الحاج أن": a rank and a family name
        return Quoted(name=strip_marks(tokens[k + 1].text), role=strip_marks(tokens[k].text),
                      start=tokens[k + 1].start, end=tokens[k + 1].end), k + 2
    j = _role_words(tokens, folded, broken, k, j)
    while k < j < n - 1 and not broken[j - 1] and _in_construct(tokens, folded, j - 1) \
            and folded[j] not in STOP and folded[j] not in REPORTING_VERBS and not _has_article(tokens, j):
        # "محافظ نينوى X", "قائد شرطة كابول X", "مدير قناة بلقيس X": a bare
        # title is in construct with the next word, which is no given name.
        j = _role_words(tokens, folded, broken, k, j + 1)
    if needs_role and j == k and j < n:
        # "وصف مقتدى الصدر، زعيم التيار الصدري، …": the role after the name,
        # across a comma, says this is a person.
        quoted, after = _name_from(text, tokens, folded, broken, k, k, True)
        if quoted is not None and quoted.role and len(quoted.name.split()) >= 2:
            return quoted, after
    if j >= n or (needs_role and j == k):
        # "ويقول العويران إن": a family name alone, as the article gave it
        # in full elsewhere (proposals_for looks it up; a known speaker's
        # family name links).
        if j == k + 1 and not needs_role and folded[k] not in TITLES and _has_article(tokens, k) \
                and (j >= n or broken[k] or folded[j] in STOP) and _family_or_named(tokens, folded, k):
            return Quoted(name=strip_marks(tokens[k].text), role="", start=tokens[k].start,
                          end=tokens[k].end), j
        return None, k + 1 if j == k else k
    if needs_role and not any(folded[p] in PERSON_TITLES for p in range(k, j)):
        return None, j       # "اتهم الحوثيين بترويج …": no title, no person
    if _in_name_of_person(folded, k, j) and not broken[j - 1]:
        return None, j       # after a comma the name is the spokesman's ("…الرئيس التركي، إبراهيم كالين")
    if j == k + 1 and not needs_role and folded[k] not in TITLES and _has_article(tokens, k) \
            and (broken[k] or folded[j] in STOP) and _family_or_named(tokens, folded, k):
        return Quoted(name=strip_marks(tokens[k].text), role="", start=tokens[k].start,
                      end=tokens[k].end), j      # "وقال الزياني، …": a family name alone
    if j > k and broken[j - 1] and not any(ch in "،," for ch in text[tokens[j - 1].end:tokens[j].start]):
        return None, j       # "وقال المتهم:": a role, then what was said
    if any(folded[p] in _OF_PRINCIPAL for p in range(k, j)) and not (j > k and broken[j - 1]):
        return None, j       # "المحامي السابق للرئيس الأمريكي X": X is not who spoke; after a comma X is
    return _name_from(text, tokens, folded, broken, role_start, j, needs_role)


def _family_or_named(tokens, folded, k) -> bool:
    """Is word k (ال…, alone after a verb: "وقال الحازمي:") a family name:
    by the corpus counts, or because the article writes it elsewhere after
    a plain word, a given name ("المدير العام علي الحازمي")?"""
    if _family_name(folded[k]):
        return True
    word = folded[k]
    for i in range(1, len(folded)):
        if i != k and folded[i] == word:
            before = folded[i - 1]
            if before == _GOD or strip_marks(tokens[i - 1].text) == "علي":
                return True       # "عبد الله الشمسان", "علي الحازمي"
            if len(before) > 2 and not _has_article(tokens, i - 1) and before not in STOP \
                    and before not in TITLES and before not in REPORTING_VERBS and not common_noun(before):
                return True
    return False


def _titled_family_name(tokens, folded, broken, j) -> bool:
    """Is word j, after a rank, a family name alone ("الدكتور الخزيم،",
    "اللواء الحاج أن"): ال… that the corpus writes far more often with the
    article than without, and the clause or a particle right after it?"""
    return _has_article(tokens, j) and _family_name(folded[j]) and folded[j] not in TITLES \
        and (j + 1 >= len(tokens) or broken[j] or folded[j + 1] in STOP)


def _noun_and_pronoun(word: str) -> bool:
    """"ولايته", "حكومته": a noun with ة and a pronoun, written often without
    the pronoun: a role's word ("رئيس الوزراء المنتهية ولايته X")."""
    return word.endswith("ته") and len(word) > 4 and _word_counts().get(word[:-2] + "ه", 0) >= 100


def _team(tokens, folded, r) -> bool:
    """الفريق is a rank before a name ("الفريق أول X", "الفريق عبد الأمير"),
    a team before an adjective ("رئيس الفريق الإغاثي")."""
    return folded[r] == _TEAM and r + 1 < len(folded) and _has_article(tokens, r + 1) \
        and folded[r + 1] not in RANKS and folded[r + 1] not in _RANK_WORDS


_TEAM = fold("الفريق")
_RANK_WORDS = frozenset(fold(w) for w in ("الركن", "أول", "الأول"))


def _role_words(tokens, folded, broken, k, j):
    """The end of the role words from word j (role begun at k): titles,
    words with the article, "باسم X", a construct through ل/ب/في."""
    n = len(tokens)
    while j < n and j - k < _MAX_ROLE_WORDS:
        if j > k and folded[j] in _IN_PLACE and j + 2 < n and broken[j + 1] and not broken[j] \
                and folded[j + 1] not in STOP and not _has_article(tokens, j + 1):
            return j + 2     # "الناطق باسم النيابة العمومية في تونس، سفيان السليطي"
        if not ((folded[j] not in STOP or _construct_of_role(folded, tokens, j, k) or _in_field(tokens, folded, j, k))
                and (_is_role_word(folded[j], _has_article(tokens, j)) or _construct_of_role(folded, tokens, j, k)
                or _in_field(tokens, folded, j, k) or j > k + 1 and _in_field(tokens, folded, j - 1, k)
                or folded[j] in _COMPASS and j > k and folded[j - 1] in _IN_PLACE
                or j > k and _noun_and_pronoun(folded[j]) and j + 1 < n and not _has_article(tokens, j + 1)
                and not folded[j + 1].startswith("و"))):
            break
        if _article_written_name(tokens, folded, j):
            break          # "اليكسي زياتسيف": the name begins with ال as written
        if broken[j]:
            j += 1
            if j + 1 < n and not broken[j] and _has_article(tokens, j) and adjective(folded[j][2:]) \
                    and not _has_article(tokens, j + 1) and folded[j + 1] not in STOP:
                j += 1       # "رئيس النادي، القطري ناصر الخليفي": an adjective of origin before the name
            break
        j += 1
        if folded[j - 1] in _IN_NAME_OF:
            # "باسم X": the body X is role too, up to a title or a name start.
            while j < n and j - k < _MAX_ROLE_WORDS and (_has_article(tokens, j) or folded[j] in TITLES) \
                    and not broken[j - 1]:
                j += 1
                if broken[j - 1]:
                    break
    return j


def _in_field(tokens, folded, j, k) -> bool:
    """"المختص في مجال التأمين الطبي X", "الباحث في شؤون الجماعات X": في +
    a common noun (by the corpus counts) + a word with the article go on
    with the role."""
    return j > k and folded[j] in _IN_PLACE and j + 2 < len(tokens) and not _has_article(tokens, j + 1) \
        and common_noun(folded[j + 1]) and _has_article(tokens, j + 2)


def _in_construct(tokens, folded, i) -> bool:
    """Is word i a bare title or body (مدير، محافظ، شرطة، قناة) that takes
    the next word as its complement, not a rank before a name (د، عقيد)?"""
    while i > 0 and folded[i] in _ROLE_QUALIFIERS and not _has_article(tokens, i):
        i -= 1                 # "مدير عام جمرك سلوى X"
    if folded[i] in _COMPASS:
        return True            # "في جنوب إسرائيل X"
    return folded[i] in TITLES and folded[i] not in _BARE_BEFORE_NAME and folded[i] not in _IN_NAME_OF \
        and not _has_article(tokens, i) and not folded[i].startswith(("و", "ف"))


def _in_name_of_person(folded, k, j) -> bool:
    """Is the role "المتحدث باسم الرئيس …": someone else's spokesman?"""
    for p in range(k, j - 1):
        if folded[p] in _IN_NAME_OF and folded[p + 1] in _PRINCIPALS:
            return True
    return False
