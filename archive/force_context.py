"""Forces the text names without saying whose: "الجيش", "قوات التحالف".

A Yemeni report writes "تقدمت قوات الجيش بدعم من طيران التحالف" and means the
Yemeni army and the Saudi-led coalition; an Egyptian one writes "عزل الجيش
مرسي"; an Iraqi one "غارات طيران الجيش" (the Iraqi army's aviation). None of
these phrases names a force on its own, so the gazetteer cannot hold them as
aliases: "قوات التحالف" in Mosul is the international coalition. What decides
is the country the article is about, and the article says that plainly
through its places.

So a generic phrase (GENERIC below) counts as the force of the article's
country when:

1. the evidence of the article's country points to one force far more than
   to any other: each place mention that lies in a country, and each named
   force whose theatre the corpus makes plain (:mod:`archive.force_theatres`),
   is a vote for its country; each country's vote goes to the force the
   phrase means there, and one force must hold at least two votes and at
   least COUNTRY_SHARE of them all (a report on Aden that names Riyadh once
   is about Yemen; one that names Yemen and Saudi Arabia as often is about
   neither, for "الجيش"; "قوات التحالف" over Mosul and Raqqa is the
   international coalition in both);
2. that country has such a force (STATE_FORCES; every state whose armed
   forces the gazetteer holds under "<country slug>-armed-forces" too, for
   the roles that are a state's own: its army, air arm, guards, the forces
   loyal to its government; the opposition, rebels, Kurdish forces and the
   coalition only where STATE_FORCES names them);
3. a country's adjective right after the phrase names its country outright
   ("القوات الموالية للحكومة اليمنية", "الحرس الوطني التونسي", "القوات
   الكردية العراقية"), whatever the places say;
4. the phrase is not part of a longer name: one the gazetteer already
   matched (قوات الجيش الليبي, جيش الإسلام), or one it does not know, which
   goes on with an adjective (الجيش الإلكتروني, التحالف الوطني: the word
   after the phrase begins with ال); nor a team's or a place's name (نادي
   الجيش, شارع الجيش: the word before it says so).

Nothing is tagged when the country is unclear: a missed force is better than
the wrong army.
"""
from __future__ import annotations

import re
from collections import Counter

from archive.arabic import fold
from archive.alias_spelling import Match
from archive.force_theatres import force_votes
from archive.nisba import adjectives

#: How much of the article's places one country must hold.
COUNTRY_SHARE = 0.7

#: The generic phrases, folded, by what they are in a state: its army, its
#: air arm, or the coalition fighting there. Longest first (matched greedily).
GENERIC = {
    "national": ["قوات الجيش الوطني", "الجيش الوطني"],
    "army": ["طيران الجيش", "قوات الجيش", "وحدات الجيش", "القوات المسلحة",
             "القوات الحكومية", "قوات الحكومة", "القوات النظامية", "الجيش الحكومي", "الجيش"],
    "air": ["القوات الجوية", "القوة الجوية", "سلاح الجو", "قوات الدفاع الجوي",
            "الدفاع الجوي"],
    "coalition": ["قوات التحالف", "طيران التحالف", "غارات التحالف", "مقاتلات التحالف",
                  "طائرات التحالف"],
    # Bare "التحالف" is also any alliance or consortium (a bank's, a
    # bidder's): only where a coalition is at war (STATE_FORCES).
    "alliance": ["التحالف"],
    # The guards of a state: Saudi Arabia's and Tunisia's national guard, the
    # republican guard of Syria, Iraq or Yemen (a part of the army).
    "guard": ["قوات الحرس الوطني", "قوات الحرس الجمهوري", "الحرس الوطني", "الحرس الجمهوري"],
    # Not "القوات الموالية للرئيس": Yemen's press writes it of Hadi's army and
    # of Saleh's forces alike ("للرئيس اليمني السابق علي صالح").
    "loyal": ["القوات الموالية للحكومة", "قوات موالية للحكومة"],
    # Named by what they are, not by whom: the side of the country's war.
    "opposition": ["قوات المعارضة", "فصائل المعارضة", "مقاتلي المعارضة", "مقاتلو المعارضة",
                   "الفصائل المسلحة", "المعارضة المسلحة"],
    "rebels": ["الميليشيات المتمردة", "المليشيات المتمردة", "الميليشيا المتمردة",
               "المليشيا المتمردة", "المتمردين", "المتمردون"],
    "kurdish": ["القوات الكردية", "المقاتلين الأكراد", "المقاتلون الأكراد",
                "الميليشيات الكردية", "المليشيات الكردية", "المسلحين الأكراد"],
    "resistance": ["رجال المقاومة", "قوات المقاومة", "المقاومة"],
    # The occupier, in a report on Palestine: Israel's army and police.
    "occupation": ["قوات الاحتلال", "جيش الاحتلال"],
    "occupation-police": ["شرطة الاحتلال", "قوات شرطة الاحتلال"],
    # A state's security forces: only with its adjective ("قوات الأمن
    # السودانية"); alone the phrase says too little of whose (EXPLICIT_ONLY).
    "security": ["قوات الأمن", "القوات الأمنية"],
}
COALITIONS = frozenset({"coalition", "alliance"})
#: Roles read only with a country's adjective after them, never from the votes.
EXPLICIT_ONLY = frozenset({"security"})
#: The roles a state itself fills: where STATE_FORCES names no force for
#: one, its army stands for it. The others (a country's opposition, rebels,
#: Kurdish forces, resistance, coalition) are named only where listed.
STATE_ROLES = frozenset({"army", "national", "air", "guard", "loyal", "security"})

#: country slug -> {role: force slug}. A role missing falls back to the army.
STATE_FORCES = {
    "iraq": {"army": "iraqi-army", "air": "iraqi-air-force", "coalition": "international-coalition",
             "alliance": "international-coalition", "kurdish": "peshmerga"},
    # Syria's "national army" is the Turkish-backed opposition's, not the state's.
    "syria": {"army": "syrian-army", "national": "syrian-national-army", "coalition": "international-coalition",
              "alliance": "international-coalition", "opposition": "syrian-armed-opposition", "rebels": "syrian-armed-opposition",
              "kurdish": "ypg"},
    "yemen": {"army": "yemeni-army", "coalition": "saudi-led-coalition", "alliance": "saudi-led-coalition",
              "rebels": "houthis",
              "resistance": "yemen-popular-resistance"},
    "afghanistan": {"rebels": "taliban"},
    "libya": {"army": "libyan-national-army"},
    "egypt": {"army": "egyptian-army"},
    "lebanon": {"army": "lebanese-army"},
    "jordan": {"army": "jordanian-army"},
    "israel": {"army": "israeli-army", "occupation": "israeli-army", "occupation-police": "israel-police"},
    "palestine-state-of": {"occupation": "israeli-army", "occupation-police": "israel-police"},
    # The coalition a Saudi report names is the one Saudi Arabia leads.
    "saudi-arabia": {"army": "saudi-forces", "coalition": "saudi-led-coalition"},
    "united-arab-emirates": {"army": "uae-forces"},
    "iran": {"army": "iranian-forces"},
    "united-states": {"army": "us-forces"},
    "russian-federation": {"army": "russian-forces"},
    "france": {"army": "french-forces"},
    "united-kingdom": {"army": "british-forces"},
    "germany": {"army": "german-forces"},
    "turkiye": {"army": "turkish-forces", "kurdish": "pkk"},
    "turkey": {"army": "turkish-forces", "kurdish": "pkk"},
}
#: The suffix of the forces scripts/build_state_forces.py writes for a state.
STATE_SUFFIX = "-armed-forces"

#: A word right before the phrase that makes it a name of something else.
NOT_A_FORCE_BEFORE = {fold(w) for w in (
    "نادي", "فريق", "منتخب", "ملعب", "طلائع", "شارع", "حي", "مستشفى", "جامعة", "كلية", "متحف", "ساحة",
    "لاعب", "لاعبي", "دوري",
    # A law or a bill about a force is not the force ("قانون الحرس الوطني"),
    # nor its minister or ministry ("وزير الحرس الوطني").
    "قانون", "مشروع", "محور", "وزير", "ووزير", "وزارة", "ووزارة", "وزيرا",
)}

#: first folded word -> [(pattern, role)], longest pattern first.
_PATTERNS: dict[str, list] = {}
for _role, _phrases in GENERIC.items():
    for _phrase in _phrases:
        _words = tuple(fold(w) for w in _phrase.split())
        _PATTERNS.setdefault(_words[0], []).append((_words, _role))
for _list in _PATTERNS.values():
    _list.sort(key=lambda p: -len(p[0]))


#: An agency's dateline at the head of the body: "دبي، الإمارات العربية المتحدة
#: (CNN)--". It says where the desk sits, not what the article is about.
DATELINE = re.compile(r"[^\n]{0,80}?\([^()\n]{1,30}\)\s*(?:--|—|–|-)")


def _written_forms(word: str) -> set[str]:
    """The forms a phrase's first word takes with proclitics: الجيش, والجيش,
    بالجيش, للجيش, وللجيش; قوات, وقوات, لقوات, بقوات."""
    if word.startswith("ال"):
        inner = {word, "ب" + word, "ك" + word, "ل" + word[1:]}
    else:
        inner = {word, "ب" + word, "ك" + word, "ل" + word}
    return inner | {c + w for c in "وف" for w in inner}


#: Every written (folded) form of a phrase's first word -> the word itself:
#: one lookup a token, where most tokens begin no phrase.
_FIRST_FORMS = {form: first for first in _PATTERNS for form in _written_forms(first)}


def article_country(matches, places, text="") -> str | None:
    """The slug of the one country the article's places lie in, or None.
    Places in a dateline at the head of a paragraph do not count."""
    counts = country_votes(matches, places, text)
    if not counts:
        return None
    (best, n), total = counts.most_common(1)[0], sum(counts.values())
    return best if n >= 2 and n >= COUNTRY_SHARE * total else None


def _dateline_spans(text):
    """Datelines at the head of the title's or a paragraph's first line."""
    start = 0
    while start < len(text):
        match = DATELINE.match(text, start)
        if match:
            yield match
        nl = text.find("\n", start)
        if nl < 0 or nl - start > 5000 or start > 3000:
            break
        start = nl + 1


def country_of(pk, places):
    """The slug of the country the place ``pk`` lies in, or None."""
    place = places.by_pk.get(pk)
    seen = set()
    while place is not None and place.pk not in seen:
        if place.kind == "country":
            return place.slug
        seen.add(place.pk)
        place = places.by_pk.get(place.parent_id) if place.parent_id is not None else None
    return None


def state_force(country: str, role: str, force_pk) -> int | None:
    """The pk of ``country``'s force for ``role`` (its army when it has no
    other; no coalition but the one named), or None. ``force_pk(slug)`` looks
    a force up by slug."""
    table = STATE_FORCES.get(country, {})
    if role not in STATE_ROLES:
        slugs = [table.get(role)]
    elif role == "security":
        # Its police where the gazetteer holds one, else its army.
        slugs = [table.get(role), country + POLICE_SUFFIX, table.get("army"), country + STATE_SUFFIX]
    else:
        slugs = [table.get(role), table.get("army"), country + STATE_SUFFIX]
    for slug in slugs:
        pk = force_pk(slug) if slug else None
        if pk is not None:
            return pk
    return None


def country_votes(matches, places, text="", slug_of=None) -> Counter:
    """country slug -> votes: the place mentions that lie in it (not in a
    dateline) and, given ``slug_of(pk)`` (a force's slug), the named forces
    that fight there (:mod:`archive.force_theatres`)."""
    counts = Counter()
    datelines = [(m.start(), m.end()) for m in _dateline_spans(text)]
    reach = -1
    for m in matches:
        # A place inside an earlier match ("سوريا" in "شمال سوريا", archive.
        # inner_places) is the same mention: it has voted through that one.
        inside, reach = m.start < reach, max(reach, m.end)
        if m.kind != "place" or inside or any(a <= m.start < b for a, b in datelines):
            continue
        country = country_of(m.pk, places)
        if country:
            counts[country] += 1
    if slug_of is not None:
        counts.update(force_votes(matches, slug_of))
    return counts


_ADJECTIVES: dict = {}


def adjectives_of(places) -> dict[str, str]:
    """Folded country adjective (الليبي, اليمنية) -> country slug, made from
    the names of ``places``' countries (:mod:`archive.nisba`), once per
    place tree."""
    cached = _ADJECTIVES.get("tree")
    if cached is None or cached[0] is not places:
        countries = [(p.slug, [p.name]) for p in places.by_pk.values() if p.kind == "country"]
        cached = (places, adjectives(countries))
        _ADJECTIVES["tree"] = cached
    return cached[1]


def _resolver(votes, force_pk):
    """role -> the pk of the force the votes point to, or None (rule 1)."""
    total = sum(votes.values())
    cache = {}

    def resolve(role):
        if role not in cache:
            by_force = Counter()
            for country, n in votes.items():
                pk = state_force(country, role, force_pk)
                if pk is not None:
                    by_force[pk] += n
            best = by_force.most_common(1)
            cache[role] = best[0][0] if best and best[0][1] >= 2 and \
                best[0][1] >= COUNTRY_SHARE * total else None
        return cache[role]
    return resolve


def contextual_forces(text, words, matches, places, force_pk, slug_of=None) -> list[Match]:
    """Matches for the generic phrases of ``text`` that name its country's
    forces (see the module's rules); [] when the country is unclear.

    ``words``: the alias index's (tokens, folded) of ``text``; ``matches``: the
    gazetteer's matches in it; ``places``: :class:`archive.entities.Places`;
    ``force_pk(slug)``: a force's pk or None; ``slug_of(pk)``: a force's
    slug or None (the named forces then vote too).
    """
    votes = country_votes(matches, places, text, slug_of)
    resolve = _resolver(votes, force_pk)
    tokens, folded = words
    found = []
    i = 0      # the first word still to read: a phrase found is passed whole
    # Only the words that begin some phrase are looked at, found in one pass.
    for start in [k for k, word in enumerate(folded) if word in _FIRST_FORMS]:
        if start < i:
            continue
        i = start
        candidates = _PATTERNS[_FIRST_FORMS[folded[i]]]
        hit = None
        if i == 0 or folded[i - 1] not in NOT_A_FORCE_BEFORE:
            for pattern, role in candidates:
                n = len(pattern)
                if tuple(folded[i + 1:i + n]) != pattern[1:] or not _one_phrase(text, tokens, i, n):
                    continue
                if not _goes_on(text, tokens, folded, i + n):
                    if role not in EXPLICIT_ONLY and \
                            not _inside_a_match(tokens[i].start, tokens[i + n - 1].end, matches):
                        hit = (n, resolve(role))
                    break
                # The phrase goes on with a country's adjective: that
                # country's ("القوات الموالية للحكومة اليمنية", "الحرس
                # الوطني التونسي"), whatever the article's places say.
                country = adjectives_of(places).get(folded[i + n])
                # A coalition's adjective names a member, not the coalition
                # ("التحالف اليمني لرصد الانتهاكات").
                if country and role not in COALITIONS and \
                        not _inside_a_match(tokens[i].start, tokens[i + n].end, matches):
                    hit = (n + 1, state_force(country, role, force_pk))
                break
        if hit is None:
            i += 1
            continue
        n, pk = hit
        if pk is not None:
            found.append(Match("force", pk, tokens[i].start, tokens[i + n - 1].end,
                               text[tokens[i].start:tokens[i + n - 1].end]))
        i += n
    return found


#: Words with ال after a phrase that describe it rather than name it.
DESCRIBING = {fold(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "الموالي", "الموالية", "الموالين", "الموالون",
    "المدعوم", "المدعومة", "التابع", "التابعة", "التابعين", "المتحالفة", "المتواجدة",
    "المنتشرة", "المرابطة", "المشاركة",
    # Not adjectives at all, but folded they begin with ال: إلى، إلا.
    "إلى", "إلا",
)}


def _inside_a_match(start, end, matches) -> bool:
    """Does a gazetteer match overlap the characters start..end? (Few
    phrases are generic, so a scan of the matches for each is cheap.)"""
    return any(m.start < end and start < m.end for m in matches)


def _goes_on(text, tokens, folded, j) -> bool:
    """Does the name go on at token j (an adjective with ال right after it
    that is not one that merely describes: الموالي، الذي …)?"""
    return (j < len(tokens) and folded[j].startswith("ال") and folded[j] not in DESCRIBING
            and not text[tokens[j - 1].end:tokens[j].start].strip())


def _one_phrase(text, tokens, i, n) -> bool:
    """Are tokens i..i+n-1 written as one phrase (only spaces between them)?"""
    return all(not text[tokens[k].end:tokens[k + 1].start].strip() for k in range(i, i + n - 1))


#: The slugs of a state's police end so (scripts/build_state_forces.py writes
#: "<country>-police"; the conflict gazetteer's "iraqi-police").
POLICE_SUFFIX = "-police"


def police_at_war(matches, slug_of) -> list:
    """``matches`` without the police forces of an article that names no
    other armed force. A state's police is a force of the conflict when it
    fights one ("الشرطة التركية" and حزب العمال الكردستاني, داعش); in a report
    of a robbery, a boat accident or a match's security it is not.
    ``slug_of(pk)``: a force's slug, or None."""
    police = {m.pk for m in matches if m.kind == "force"
              and (slug_of(m.pk) or "").endswith(POLICE_SUFFIX)}
    if not police:
        return matches
    if any(m.kind == "force" and m.pk not in police for m in matches):
        return matches
    return [m for m in matches if not (m.kind == "force" and m.pk in police)]
