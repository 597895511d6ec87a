"""People the gazetteer does not know, proposed as speakers (never made
speakers silently): one per name, in full."""
from __future__ import annotations

from archive.arabic import fold, strip_marks, written
from archive.speakers.vocabulary import (
    PERSON_TITLES, RANKS, REPORTING_VERBS, ROLE_VERBS, STOP, TITLES, UNNAMED, _ADVERBS,
    _BREAK_CHARS, _CONNECTORS, _IN_NAME_OF, _PRONOUNS,
)
from archive.speakers.reading import (
    Quoted, positions, _Breaks, _has_article, _has_article_text, _name_starts, _words,
)
from archive.speakers.name_span import _name_from
from archive.speakers.names import _person_at
from archive.speakers.given_names import adjective, common_noun, given_name, name_word, noun_phrase, opens_names
from archive.speakers.carried import quoted_people
from archive.speakers.clause import clauses
from archive.speakers.scorer import decide


def _named_under_speaking_role(text, words) -> list[Quoted]:
    """"وقال المبعوث الدولي لليمن إنه …" names no one: the person is the one
    the article named under that role ("مقترح المبعوث الدولي إسماعيل ولد الشيخ
    أحمد"). The earlier role must be at least two words, start with a title,
    and begin the speaking role (a longer role there is not the same person:
    "وزير الخارجية الروسي X" is not "وقال وزير الخارجية")."""
    tokens, folded = words
    n = len(tokens)
    speaking_roles = []
    for v in positions(folded, REPORTING_VERBS):
        k = v + 1
        if k < n and folded[k] in _ADVERBS:
            k += 1
        if k >= n or folded[k] not in PERSON_TITLES or folded[k] in UNNAMED:
            continue
        r = k
        while r < n and r - k < 6 and (folded[r] in PERSON_TITLES or _has_article(tokens, r)):
            r += 1
        # The role speaks without a name: a particle follows it ("إنه").
        if r - k >= 2 and r < n and folded[r] in STOP:
            speaking_roles.append(tuple(folded[k:r]))
        elif r - k == 1 and _has_article(tokens, k) and (r >= n or folded[r] in STOP or folded[r] in _ADVERBS
                                                          or ":" in text[tokens[k].end:tokens[r].start]):
            speaking_roles.append((folded[k],))
    if not speaking_roles:
        return []
    broken = _Breaks(text, tokens)
    found = []
    for (title,) in {role for role in speaking_roles if len(role) == 1}:
        found.extend(_the_one_titled(text, tokens, folded, broken, title))
    for role in set(speaking_roles):
        for m in range(2, len(role) + 1):
            prefix = role[:m]
            for p in range(1, n - m):
                if tuple(folded[p:p + m]) != prefix or folded[p - 1] in REPORTING_VERBS \
                        or any(broken[x] for x in range(p, p + m - 1)):
                    continue
                quoted, after = _name_from(text, tokens, folded, broken, p, p + m)
                # Without a verb the name must end clearly, at a comma
                # ("إسماعيل ولد الشيخ أحمد، إرسال …"): not at a particle or a
                # full stop after whatever followed it.
                if quoted is not None and quoted.role and after < n and \
                        any(ch in "،," for ch in text[tokens[after - 1].end:tokens[after].start]):
                    found.append(quoted)
    return found


def _the_one_titled(text, tokens, folded, broken, title) -> list[Quoted]:
    """"وأضاف الوزير:" names no one: the person is the one the article names
    under that title ("التقى وزير الخارجية الأمريكي مايك بومبيو"), if it
    names one person only under it."""
    forms = {title, title[2:]} if title.startswith("ال") else {title}
    people = {}
    for p, word in enumerate(folded):
        if word not in forms or p + 1 >= len(folded) or broken[p]:
            continue
        quoted, _ = _person_at(text, tokens, folded, broken, p, False)
        if quoted is not None and quoted.role and len(quoted.name.split()) >= 2:
            people.setdefault(fold(quoted.name), quoted)
    return list(people.values()) if len(people) == 1 else []


def proposals_for(text: str, matches, words=None, quoted=None) -> list[Quoted]:
    """The quoted people the gazetteer does not know, one per name (first
    mention), to be proposed as speakers: the rules' readings below and the
    generous candidates of :mod:`archive.speakers.candidates`, weighed by
    the learnt scorer (:mod:`archive.speakers.scorer`)."""
    words = words if words is not None else _words(text or "")
    quoted = quoted if quoted is not None else quoted_people(text, words, matches)
    found = clauses(text, words, matches)
    proposed = decide(text, words, matches, quoted, _rule_proposals(text, matches, words, quoted, found))
    return [q for q in (_without_trailing_words(text, q) for q in _not_spoken_about(text, proposed, found))
            if _named_like_people(q)]


def _without_trailing_words(text: str, q: Quoted) -> Quoted:
    """A name run on into the words after it ("ميشال بارنييه بريطانيا",
    "شينزو آبي إلى التشديد"): frequent words at its end
    that the corpus never uses in names are cut, down to two words, so long
    as what is left has a word it does; never after a connector (آل الشيخ),
    nor a word the article writes after the same name again (كيم جونغ أون:
    a run-on is seldom repeated word for word)."""
    parts = q.name.split()
    folded = [fold(word) for word in parts]
    end = len(parts)
    while end > 2 and folded[end - 2] not in _CONNECTORS and not name_word(folded[end - 1]) \
            and written(folded[end - 1]) >= _RARE_WORD and text.count(" ".join(parts[:end])) < 2:
        end -= 1
    if end == len(parts) or not any(name_word(word) for word in folded[:end]):
        return q
    name = " ".join(parts[:end])
    return Quoted(name=name, role=q.role, start=q.start, end=q.start + len(name))


#: A word the corpus writes fewer times than this may be a name it has
#: seldom met (كوبيش، زخاروفا): a name of such words alone is no evidence
#: either way.
_RARE_WORD = 200


def _named_like_people(q: Quoted) -> bool:
    """Is the proposal named as people are: some word of it one the corpus
    uses in names (after ranks, after a title and a nisba, after a name's
    opener: :func:`~archive.speakers.given_names.name_word`), or "علي"
    written with ي, or every word too rare to judge? Common words a reader
    took for a subject ("وأكدت المصادر ارتفاع حصيلة القتلى", "حظر
    التجول", "خدمة الصحافة") have none."""
    parts = q.name.split()
    if any(strip_marks(word) == "علي" for word in parts):
        return True
    folded = [fold(word) for word in parts]
    return any(name_word(word) for word in folded) or all(written(word) < _RARE_WORD for word in folded)


def _not_spoken_about(text: str, proposed: list[Quoted], found) -> list[Quoted]:
    """Without the people named inside what someone said ("قال ترامب إن
    وزير الخارجية، مايك بومبيو، لم يتسلم …"): the person spoken about is
    not a speaker, unless a clause of their own has them speaking or the
    article names them outside what was said too. Nor are the words of the
    role before a clause's speaker ("مدير عام جمرك مطار الملك عبدالعزيز
    الدولي محمد العقيل")."""
    said = [(c.said_start, c.said_end) for c in found]
    if not said:
        return proposed
    speaking = {(c.person.start, c.person.end) for c in found if c.person is not None}
    roles = [(c.role_start, c.person.start) for c in found if c.person is not None]
    return [q for q in proposed if (q.start, q.end) in speaking or not any(s <= q.start and q.end <= e for s, e in roles) and any(
        not any(s <= at < e for s, e in said) for at in _mentions(text, q))]


def _mentions(text: str, q: Quoted):
    """Where the text names the person (first mention and every other)."""
    yield q.start
    family = q.name.split()[-1]        # "وقال دونيس" after "جورجيوس دونيس"
    at = text.find(family, q.end)
    while at >= 0:
        yield at
        at = text.find(family, at + 1)


def _rule_proposals(text: str, matches, words=None, quoted=None, found=None) -> list[Quoted]:
    """What the rules propose: the quoted people the gazetteer does not
    know, one per name (first mention).

    ``matches`` are the gazetteer's matches in the same text: a quoted name
    that overlaps a known speaker, place, force or outlet is not proposed; a
    single-word name never is (it may be a known speaker's family name, or
    the family name of a proposal already made: "بومبيو" after "مايك بومبيو").
    """
    words = words if words is not None else _words(text or "")
    known_spans = [(m.start, m.end) for m in matches]
    out: dict[str, Quoted] = {}
    quoted = quoted if quoted is not None else quoted_people(text, words, matches)
    # Who the reporting clause names as its subject, read back from where
    # what was said begins, replaces a forward reading of the same words.
    found = found if found is not None else clauses(text, words, matches)
    # (A forward reading of a titled subject, with no object clause to stop
    # it, yields to the rules' reading of the same words unless it holds
    # that reading and more: "العميد الركن صالح علي حسن", not "صالح".)
    subjects = [c.person for c in found if c.person is not None and c.read_back]
    forward = [c.person for c in found if c.person is not None and not c.read_back
               and not any(c.person.start < q.end and q.start < c.person.end
                           and not (c.person.start <= q.start and q.end < c.person.end) for q in quoted)]
    quoted = [q for q in quoted if not any(p.start <= q.start and q.end < p.end for p in forward)]
    quoted = [q for q in quoted if not any(p.start < q.end and q.start < p.end for p in subjects)] + subjects + forward
    for q in [*quoted, *_named_under_speaking_role(text, words)]:
        overlaps = [s for s, e in known_spans if s < q.end and q.start < e]
        last = q.name.rfind(" ")
        if overlaps and last > 0 and q.name[last + 1:].startswith("ل") \
                and min(overlaps) >= q.start + last + 1:
            # "قال ترامب لرويترز": the outlet after ل is the addressee, not the name's.
            q = Quoted(name=q.name[:last], role=q.role, start=q.start, end=q.start + last)
            overlaps = []
        if overlaps and not _given_name_that_is_a_place(text, q, matches) \
                and not _family_name_that_is_a_place(text, q, matches):
            q = _after_place(text, q, matches)
            if q is None:
                continue
        parts = q.name.split()
        if len(parts) == 2 and fold(parts[0]) in _CONNECTORS:
            # "وأوضح بن سعيد": as the article names the person in full with
            # given names ("الدكتور عبدالعزيز عبدالله بن سعيد"); else part of a name, or a kunya alone
            q = _after_given_names(text, q, words)
            if q is None or fold(q.name) in out or any(s < q.end and q.start < e for s, e in known_spans):
                continue
            out[fold(q.name)] = q
            continue
        if len(parts) < 2:
            word = fold(q.name)
            if _has_article_text(q.name):
                # "وقال العبادي": a known speaker links; otherwise only as the
                # article names the person under a title ("الدكتور علي الغفيص")
                q = _titled_full_name(text, q, words, matches) or _known_free(_after_given_names(text, q, words), known_spans)
                if q is not None and q.name and fold(q.name) not in out:
                    out[fold(q.name)] = q
                continue
            if any(word.endswith(p) and word[:-len(p)] in TITLES for p in _PRONOUNS):
                continue      # نائبه, مساعده: "his deputy", a role and a pronoun
            q = _full_name(text, q, words)
            if q is None or any(s < q.end and q.start < e for s, e in known_spans):
                continue          # "أميركا ترامب": the word before is a place, not a given name
        if "#" in q.name:          # "مايك #بومبيو": a hashtag is the name
            q = Quoted(name=" ".join(q.name.replace("#", " ").split()), role=q.role, start=q.start, end=q.end)
        if any(not ch.isalpha() and not ch.isspace() and ch not in "-'" for ch in q.name):
            continue          # "3058&quot": markup or figures, no name
        if not q.role and noun_phrase(fold(q.name).split()):
            q = _name_after_noun(q)
            if q is None:
                continue      # "قالت قاضية أمريكية", "هزيمة سيرينا": no title, and a noun, no given name
        key = fold(q.name)
        if key not in out:
            out[key] = q
    # A shorter form of a longer name proposed here is the same person.
    keys = list(out)
    for key in keys:
        if any(other != key and (other.endswith(" " + key) or other.startswith(key + " ")) for other in keys):
            out.pop(key, None)
    return list(out.values())


def _full_name(text: str, q: Quoted, words) -> Quoted | None:
    """A one-word name ("وقال وليامسون") as the article names the person in
    full elsewhere: the plain word before it ("غافين وليامسون") or the
    connectors after it ("سلمان بن عبد العزيز"). None if the article never
    does."""
    tokens, folded = words
    target = fold(q.name)
    for i, word in enumerate(folded):
        if word != target:
            continue
        start = end = i
        # "خبير أمريكي متخصص": the word before is its role's adjective
        own_role = q.role and tokens[i].start == q.start and i > 0 \
            and (adjective(folded[i - 1]) or written(folded[i - 1]) >= _COMMON_WORD)
        if i > 0 and not own_role and not any(ch in _BREAK_CHARS for ch in text[tokens[i - 1].end:tokens[i].start]):
            before = folded[i - 1]
            if not (before in STOP or before in TITLES or before in RANKS or before in REPORTING_VERBS
                    or before in ROLE_VERBS or _has_article(tokens, i - 1)
                    or (before.startswith(("و", "ل", "ب")) and not (
                        (_name_starts(text, tokens, folded, i - 1) or given_name(before))
                        and written(before) > written(before[1:])))
                    or len(before) < 3 or _noun_before_name(before)):
                start = i - 1
        while end + 2 < len(tokens) and folded[end + 1] in _CONNECTORS and \
                not any(ch in _BREAK_CHARS for ch in text[tokens[end].end:tokens[end + 2].start]):
            end += 2
        if start != i or end != i:
            return Quoted(name=strip_marks(text[tokens[start].start:tokens[end].end]),
                          role=q.role, start=tokens[start].start, end=tokens[end].end)
    return None


#: A word the corpus writes this often is an ordinary word, not the first
#: part of a family name ("خبير أمريكي متخصص").
_COMMON_WORD = 1000


def _name_after_noun(q: Quoted) -> Quoted | None:
    """"رجل الأعمال زياد البسام", "مؤلف العرض حسين شاهين": a noun and its
    complement with the article are the role; the name is the two words or
    more after them, if they are no noun phrase themselves."""
    parts = q.name.split()
    last = max((p for p, word in enumerate(parts[:-2]) if _has_article_text(word)), default=None)
    if last is None:
        return None
    rest = parts[last + 1:]
    folded_rest = [fold(word) for word in rest]
    if noun_phrase(folded_rest) or common_noun(folded_rest[0]):
        return None
    start = q.start + q.name.index(" ".join(rest)) if " ".join(rest) in q.name else None
    if start is None:
        return None
    name = " ".join(rest)
    return Quoted(name=name, role=" ".join(parts[:last + 1]), start=start, end=start + len(name))


def _given_name_that_is_a_place(text: str, q: Quoted, matches) -> bool:
    """"وقال ستانلي فيشر"، "وأشار دواس آل منصور": the first word of a name
    read after a reporting verb is also a place somewhere (Stanley), but the
    name goes on with a word without the article that names nothing known,
    and no title in construct puts a place there ("محافظ نينوى X")."""
    inside = [m for m in matches if m.start < q.end and q.start < m.end]
    parts = q.name.split()
    if len(parts) < 2 or _has_article_text(parts[1]) or len(inside) != 1:
        return False
    place = inside[0]
    if place.kind != "place" or place.start != q.start or " " in text[place.start:place.end].strip():
        return False
    if q.role and fold(q.role.split()[-1]) in TITLES and not _has_article_text(q.role.split()[-1]):
        return False
    first = fold(parts[0])
    # a given name by the corpus counts, or a place too rare to be the
    # subject itself (روسيا، جدة are written thousands of times: "أكدت روسيا اتفاقا")
    return not common_noun(first) and (given_name(first) or written(first) < _RARE_PLACE)


_RARE_PLACE = 500


def _family_name_that_is_a_place(text: str, q: Quoted, matches) -> bool:
    """"رئيس الوزراء البريطاني ديفيد كاميرون": the last word of a name is
    also a place (الكاميرون), written without its article, after a first
    word the corpus counts as a given name."""
    inside = [m for m in matches if m.start < q.end and q.start < m.end]
    parts = q.name.split()
    if len(parts) < 2 or len(inside) != 1 or inside[0].kind != "place":
        return False
    place = text[inside[0].start:inside[0].end]
    return inside[0].end == q.end and place.strip() == parts[-1] and not _has_article_text(place) \
        and given_name(fold(parts[0]))


def _noun_before_name(word: str) -> bool:
    """"علاقة ماركيزين", "مدربه مورينيو": the word before a family name is a
    common noun, or one with a pronoun (مدربه: مدرب), not a given name."""
    if common_noun(word):
        return True
    for ending in ("ه", "ها", "هم"):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and common_noun(word[:-len(ending)]):
            return True
    return False


def _after_place(text: str, q: Quoted, matches) -> Quoted | None:
    """"منطقة عسير عادل آل عمر", "نينوى حسام العبار" (after "محافظ", "عضو
    مجلس محافظة"): a place, force or outlet the name begins with belongs to
    the role; the name is what follows it, if two words or more and nothing
    known. None when the name overlaps a known speaker or nothing is left."""
    inside = [m for m in matches if m.start < q.end and q.start < m.end]
    if any(m.kind == "speaker" for m in inside) or not q.role or fold(q.role.split()[-1]) not in TITLES \
            or _has_article_text(q.role.split()[-1]):
        return None          # only after a title in construct ("محافظ"): not "علقت فرنسا عقد …"
    cut = max(m.end for m in inside)
    rest = text[cut:q.end]
    name = strip_marks(rest).strip()
    if len(name.split()) < 2 or any(m.start < q.end and cut < m.end for m in matches) \
            or any(ch in _BREAK_CHARS for ch in rest):
        return None
    start = cut + len(rest) - len(rest.lstrip())
    return Quoted(name=name, role=strip_marks(f"{q.role} {text[q.start:cut]}").strip(), start=start, end=q.end)


_SON_OF = frozenset(fold(w) for w in ("بن", "ابن", "بنت"))


def _titled_full_name(text: str, q: Quoted, words, matches) -> Quoted | None:
    """A family name quoted alone ("وأكد الغفيص"), in full where the article
    names it right after a title or rank ("محافظ المؤسسة الدكتور علي
    الغفيص"), or after a place that follows a title ("مدير إدارة الإعلام في
    أمانة منطقة حائل سعد الثويني"): one to three given names. Not in the
    headline, where a verb may stand between a title and the name ("الرئيس
    يلتقي العبادي"). None if the article never does."""
    tokens, folded = words
    target = fold(q.name)
    body = text.find("\n")
    place_ends = {m.end for m in matches if m.kind in ("place", "force")}
    broken = _Breaks(text, tokens)
    for i, word in enumerate(folded):
        if word != target or tokens[i].start < body or tokens[i].start == q.start:
            continue
        for g in range(i - 1, max(i - 6, 0), -1):
            b = g - 1
            if broken[g] or broken[b] or folded[g] in _CONNECTORS and g == i - 1:
                break
            if folded[g] in _SON_OF:
                continue      # "الأستاذ صالح بن محمد الراجحي": a name does not begin with بن
            titled = folded[b] in RANKS or folded[b] in PERSON_TITLES and folded[b] not in UNNAMED
            if not titled and _has_article(tokens, b):
                # "وزير الخارجية السعودي عادل الجبير": a role that a title begins
                x = b - 1
                while x >= max(b - 6, 0) and not broken[x] and not titled and (
                        _has_article(tokens, x) or folded[x] in TITLES or folded[x] in _IN_NAME_OF):
                    titled = folded[x] in PERSON_TITLES and folded[x] not in UNNAMED
                    x -= 1
            if not titled and tokens[b].end in place_ends:
                x = b - 1
                while x >= max(b - 8, 0) and not broken[x] and not titled:
                    titled = folded[x] in PERSON_TITLES and folded[x] not in UNNAMED
                    x -= 1
            if not titled:
                continue
            found, after = _name_from(text, tokens, folded, broken, b, g)
            if found is not None and after == i + 1:
                return found
    return None


def _known_free(q: Quoted | None, known_spans) -> Quoted | None:
    """q, unless it overlaps a known speaker, place, force or outlet."""
    return None if q is None or any(s < q.end and q.start < e for s, e in known_spans) else q


#: With no title, a given name must open names after ranks in at least one
#: of every twenty of its uses (خالد 1,907 of 4,873; not يسعى 8 of 1,401).
_CLEARLY_GIVEN = 20


def _after_given_names(text: str, q: Quoted, words) -> Quoted | None:
    """A family name quoted alone ("قال العسكر:", "وأوضح بن سعيد") as the
    article writes it elsewhere after one to three given names, by the corpus
    counts ("خالد العسكر", "عبدالعزيز عبدالله بن سعيد"). None if it never does."""
    tokens, folded = words
    target = [fold(w) for w in q.name.split()]
    size = len(target)
    broken = _Breaks(text, tokens)
    for i in range(1, len(folded) - size + 1):
        if folded[i:i + size] != target or tokens[i].start == q.start:
            continue
        g = i
        while g > 0 and i - g < 3 and not broken[g - 1] and (given_name(folded[g - 1]) or folded[g - 1] in _CONNECTORS):
            g -= 1
        while g < i and folded[g] in _CONNECTORS:
            g += 1            # a name does not begin with بن
        if g < i and given_name(folded[g]) and opens_names(folded[g]) * _CLEARLY_GIVEN >= written(folded[g]):
            return Quoted(name=strip_marks(text[tokens[g].start:tokens[i + size - 1].end]), role=q.role,
                          start=tokens[g].start, end=tokens[i + size - 1].end)
    return None
