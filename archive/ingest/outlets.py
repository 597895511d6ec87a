"""Which outlet published an article, from the cues a saved page leaves.

Pages name their outlet in habits rather than fields: a source line
("المصدر: راديو سوا"), an "about the source" block at the end ("عن مصدر
الخبر" then "وكالة كل العراق [أين]"), an outlet–dateline header ("رووداو –
أربيل"), an agency tag after the dateline ("[بغداد_اين]"), a domain
("KDP.info"), or the headline's "to X" ("... لـ KDP:", "... لرووداو:").

Each reader collects ``Cue``s, strongest first; ``resolve`` takes the first cue
that names a known outlet (names, English names, aliases and domains, compared
through ``archive.arabic.fold``). When no cue names a known outlet, the first
cue strong enough to be a name (a source line, an "about" block, a header) is
proposed as a new outlet, created only when the article is saved.
"""
from dataclasses import dataclass
import re

from .dates import COPYRIGHT_LINE, date_in_line
from .normalize import loose
from .outlet_catalogue import AGENCY_NAME, derived_forms

NEW_OUTLET_WARNING = "وسيلة إعلام جديدة: "
SHARED_NAME_WARNING = "اسم تحمله أكثر من وسيلة إعلام، فلم تُختر واحدة: "


@dataclass(frozen=True)
class Cue:
    text: str
    may_propose: bool = False  # an unknown name here is proposed as a new outlet
    where: str = ""  # where on the page the cue was read, for the preview ("og:site_name")
    # The cue stands where a page names itself (site name, title suffix, logo,
    # byline beside the date, source line): a name without its kind word
    # ("الشرق الأوسط" for "صحيفة الشرق الأوسط") may be matched, when only one
    # outlet has it. Elsewhere such a name is a place or a section.
    names_site: bool = False
    # "واس - الرياض": the second part of a pair names the paper only when the first names no
    # outlet (else the first is the outlet and the second the place): that first part.
    unless_named: str = ""


@dataclass
class OutletMatch:
    outlet_id: int | None
    name: str | None
    is_new: bool = False
    cue: Cue | None = None
    # A name where the page names itself that several catalogue outlets hold ("الجزيرة"), when nothing
    # else named one: the name and its owners' names, shown to the archivist to choose, never guessed.
    shared: tuple = ()

    def apply(self, draft):
        draft.outlet_id, draft.outlet_name, draft.outlet_is_new = self.outlet_id, self.name, self.is_new
        draft.drop_warnings(NEW_OUTLET_WARNING)
        draft.drop_warnings(SHARED_NAME_WARNING)
        if self.shared and self.outlet_id is None and not self.is_new:
            name, owners = self.shared
            draft.warn(f"{SHARED_NAME_WARNING}«{name}» ({'، '.join(owners)})")
        if self.cue is not None:
            draft.provenance["outlet"] = f"«{clean_name(self.cue.text)[:80]}»" + (f" — {self.cue.where}" if self.cue.where else "")
        else:
            draft.provenance.pop("outlet", None)
        if self.is_new:
            draft.warn(new_outlet_warning(self.name))


# How often the corpus writes a word (alone or with the article) for it to be a word before a name.
COMMON_WORD_COUNT = 500


def a_common_word(word):
    """The corpus writes ``word`` often ("الحدث", "الأخبار", "وكالات"): a section's or a sentence's
    word as often as a site's name (``archive.arabic.lexicon.written``)."""
    from archive.arabic import fold
    from archive.arabic.lexicon import written

    folded = fold(word)
    return written(folded) >= COMMON_WORD_COUNT or (folded.startswith("ال") and written(folded[2:]) >= COMMON_WORD_COUNT)


def new_outlet_warning(name):
    return f"{NEW_OUTLET_WARNING}{name} (تُنشأ عند التأكيد)"


def fold(text: str) -> str:
    """The folding search and tagging use, for comparing names."""
    try:
        from archive.arabic import fold as arabic_fold
    except ImportError:  # archive.arabic is being written alongside: compare loosely meanwhile
        arabic_fold = loose
    return arabic_fold(text)


def name_key(text: str) -> str:
    """A name reduced for comparison: folded, lower-case, words only."""
    # Through ``loose`` first: a cue already loosened ("الويام" of "الوئام", its
    # hamza's seat dropped) and the catalogue's spelling meet on one key.
    return " ".join(re.findall(r"\w+", fold(loose(text or "")).lower()))


_HOST = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(/[^\s\"'<>]*)?", re.I)


# An archived copy's address holds the original's: the Wayback Machine's
# "/web/20180515000000/https://aawsat.com/…", archive.today's
# "/20180515/https://…", Google's cache "?q=cache:https://…", an AMP cache's "/c/s/aawsat.com/…".
_INNER_ADDRESS = re.compile(r"(?:https?:/{1,2}|cache:|/c/s/|/v/s/)(?=[a-z0-9-]+\.)", re.I)


def hosts_in(text: str):
    """``(host, path)`` of every web address or bare domain in ``text``; for
    an archived copy's address, the original's first."""
    for m in _HOST.finditer(text or ""):
        path = m[2] or ""
        inner = _INNER_ADDRESS.search(path)
        if inner:
            yield from hosts_in(path[inner.end():])
        yield m[1].lower(), path


# Host labels shared by many sites: no outlet's own name.
_GENERIC_LABELS = {"com", "net", "org", "gov", "edu", "co", "info", "news", "arabic", "ara", "amp", "mobile"}


class OutletIndex:
    """Every outlet's names and domains, for lookups without queries."""

    def __init__(self):
        self.by_key = {}
        self.by_host = {}  # host -> [(path prefix, pk)]
        self.phrases = []  # (tuple of words, pk), longest first
        self.names = {}
        self.by_slug = {}
        self.bare = {}  # a name without its kind word ("صحيفة", "قناة"…) -> {pk}
        self.derived = {}  # forms made by rule from the names (``derived_forms``) -> {pk}
        self.agencies = set()  # news agencies: they credit a story, a site republishes it
        self.shared = set()  # names two outlets hold ("جريدة الراي": Kuwait's and Jordan's, one key once folded)
        self.owners = {}  # every name's key -> the outlets holding it

    @classmethod
    def load(cls):
        from archive.models import Outlet

        index = cls()
        for outlet in Outlet.objects.all():
            index.add(outlet)
        return index

    def add(self, outlet):
        self.names[outlet.pk] = outlet.name
        self.by_slug[outlet.slug] = outlet.pk
        for value in [*outlet.all_names(), outlet.slug]:
            key = name_key(value)
            if key:
                if self.by_key.setdefault(key, outlet.pk) != outlet.pk:
                    self.shared.add(key)
                self.owners.setdefault(key, set()).add(outlet.pk)
                self.phrases.append((tuple(key.split()), outlet.pk))
        for value in outlet.all_names():
            loosened = loose(value)
            m = _KIND_WORD.match(loosened)
            if m:
                key = name_key(loosened[m.end():])
                if key:
                    self.bare.setdefault(key, set()).add(outlet.pk)
            for form in derived_forms(value):
                self.derived.setdefault(name_key(form), set()).add(outlet.pk)
        if any(AGENCY_NAME.search(value) for value in outlet.all_names()):
            self.agencies.add(outlet.pk)
        for domain in [*(outlet.domains or []), outlet.url or ""]:
            for host, path in hosts_in(domain.lower()):
                self.by_host.setdefault(host, []).append((path.rstrip("/"), outlet.pk))
                # A Latin logo prints the domain's name ("Aawsat", "ALSUMARIA", "Hespress"): a form by rule.
                label = next((part for part in host.split(".") if part != "www"), "")
                if len(label) >= 6 and label not in _GENERIC_LABELS and not path.strip("/"):
                    self.derived.setdefault(name_key(label), set()).add(outlet.pk)
        self.phrases.sort(key=lambda item: -len(" ".join(item[0])))

    def find_name(self, text: str):
        """The outlet a short name-like text names, or None."""
        key = name_key(text)
        if not key or key in self.shared:
            return None  # a name two outlets hold names neither for sure
        if key in self.by_key:
            return self.by_key[key]
        # "وكالة كل العراق [أين]": the name outside the brackets, then inside.
        outside = name_key(re.sub(r"[\[(].*?[\])]", " ", text))
        inside = [name_key(part) for part in re.findall(r"[\[(](.*?)[\])]", text)]
        for candidate in [outside, *inside]:
            if candidate and candidate in self.by_key:
                return self.by_key[candidate]
        # A form made by rule ("Jordan News Agency" of "Jordan News Agency (Petra)",
        # "Almanar" of "Al-Manar"), when one outlet alone has it.
        owners = self.derived.get(key, set())
        if len(owners) == 1:
            return next(iter(owners))
        for host, path in hosts_in(text):
            pk = self.find_host(host, path)
            if pk:
                return pk
        # A longer name containing a known one of two words or more: "وكالة
        # أين للأنباء" holds "وكالة أين". One-word names must match whole:
        # "العربية" (Al Arabiya) is also a word of many other names.
        words = key.split()
        for phrase, pk in self.phrases:
            if len(phrase) < 2:
                continue
            n = len(phrase)
            if any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1)):
                return pk
        return None

    def find_site_name(self, text: str):
        """``find_name``, or a name printed without its kind word when one outlet alone has it;
        "الموقع الرسمي لـX" is asked for X."""
        pk = self.find_name(text)
        if pk:
            return pk
        glued = re.split(r"(?:^|\s)لـ+\s*", text or "")
        for candidate in ([text, glued[-1]] if len(glued) > 1 else [text]):
            pk = self.find_name(candidate) if candidate is not text else None
            if pk:
                return pk
            key = name_key(re.sub(r"[«»\"“”]", " ", candidate or ""))
            owners = self.bare.get(key, set())
            if len(owners) == 1 and key not in self.by_key:
                return next(iter(owners))
        # "جميع الحقوق محفوظة لموقع معا": a site calls itself "موقع X" whatever kind of outlet the
        # catalogue says it is ("وكالة معا"): X, asked for as above. (Other kind words are kept: "وكالة
        # الأنباء" is "news agency", not the paper "الأنباء".)
        m = _SITE_WORD.match(loose(text or ""))
        if m and loose(text)[m.end():].strip():
            return self.find_site_name(loose(text)[m.end():])
        return None

    def holders(self, text: str):
        """The outlets a name several of them hold names, as written or without its kind word
        ("الجزيرة": the channel and the Saudi paper); empty when one outlet or none holds it."""
        key = name_key(re.sub(r"[«»\"“”]", " ", text or ""))
        if key in self.shared:
            return self.owners.get(key, set())
        owners = self.bare.get(key, set())
        return owners if len(owners) > 1 and key not in self.by_key else set()

    def find_host(self, host: str, path: str = ""):
        parts = host.split(".")
        for i in range(len(parts) - 1):
            candidates = self.by_host.get(".".join(parts[i:]))
            if not candidates:
                continue
            # The entry with the longest matching path wins: france24.com/ar
            # over france24.com.
            best = None
            for prefix, pk in candidates:
                if not prefix or path.lower().startswith(prefix):
                    if best is None or len(prefix) > len(best[0]):
                        best = (prefix, pk)
            if best:
                return best[1]
        return None

    def find_handle(self, handle: str):
        """The outlet a social-media handle names ("@aawsat_News", "@OKAZ_online",
        "@BBCArabic"): sites name their accounts after their domains, so the
        handle, without "_" and a trailing "news", "online", "arabic" or "ar",
        is one outlet's domain label ("aawsat" of aawsat.com) or its domain
        written without dots ("sabqorg"). None when no outlet or several do."""
        key = re.sub(r"[^a-z0-9]", "", (handle or "").lower())
        forms = {key, re.sub(r"(?:news|online|arabic|ar|tv)$", "", key)} - {""}
        owners = {pk for form in forms for pk in self._labels().get(form, ())}
        return next(iter(owners)) if len(owners) == 1 else None

    def _labels(self):
        if getattr(self, "_by_label", None) is None:
            self._by_label = {}
            for host, entries in self.by_host.items():
                labels = [label for label in host.split(".") if label != "www"]
                forms = {label for label in labels[:-1] if len(label) >= 3 and label not in _GENERIC_LABELS}
                forms |= {"".join(labels), "".join(labels[:-1])}
                for form in forms - {""}:
                    for _path, pk in entries:
                        self._by_label.setdefault(form, set()).add(pk)
        return self._by_label

    def find_in_text(self, text: str):
        """A known domain anywhere in the text."""
        for host, path in hosts_in(text):
            pk = self.find_host(host, path)
            if pk:
                return pk
        return None


def resolve(cues, index: OutletIndex) -> OutletMatch:
    cues = [c for c in cues if c.text and c.text.strip() and not (c.unless_named and index.find_name(c.unless_named))]
    for i, cue in enumerate(cues):
        pk = index.find_site_name(cue.text) if cue.names_site else index.find_name(cue.text)
        if pk:
            if pk in index.agencies and not cue.names_site:
                # "كازان - د ب أ" under the headline credits the agency the story
                # came from; where the page names itself (copyright, logo, title
                # suffix, file name) a site that is no agency published it.
                for later in cues[i + 1:]:
                    if later.names_site:
                        site = index.find_site_name(later.text)
                        if site and site != pk and site not in index.agencies:
                            return OutletMatch(site, index.names.get(site), False, later)
            return OutletMatch(pk, index.names.get(pk), False, cue)
    for cue in cues:
        if cue.may_propose:
            # A name about to be proposed that is a catalogue outlet's without
            # its kind word ("الشرق الأوسط" | "صحيفة الشرق الأوسط") is that
            # outlet: a proposal must not duplicate one. Only where a page
            # names itself: in a "الرياض - …" header the first part may be the city.
            pk = index.find_site_name(cue.text) if cue.names_site else None
            if pk:
                return OutletMatch(pk, index.names.get(pk), False, cue)
            name = clean_name(cue.text)
            if name and (index.bare.get(name_key(name)) or index.derived.get(name_key(name)) or name_key(name) in index.shared):
                # A name several catalogue outlets print without their kind word
                # ("الجزيرة": the channel and the Saudi paper) is none of them for
                # sure and no new outlet either: left for the archivist.
                continue
            if name and len(name.split()) == 1 and not name.isascii() and a_common_word(name):
                # "المصدر: وكالات", "المصدر: متابعات": a word the corpus writes often is a word there
                # (agencies, follow-ups), not a new outlet's name. (A known outlet's such name was matched above.)
                continue
            if name:
                return OutletMatch(None, name, True, cue)
    for cue in cues:
        owners = index.holders(cue.text) if (cue.names_site or cue.may_propose) else set()
        if owners:
            return OutletMatch(None, None, False, shared=(clean_name(cue.text), tuple(sorted(index.names[pk] for pk in owners))))
    return OutletMatch(None, None, False)


# The kind of outlet a name may open with and a page may leave out.
_KIND_WORD = re.compile(r"^\s*(?:صحيفه|صحيفة|جريده|جريدة|قناه|قناة|مجله|مجلة|موقع|وكاله|وكالة|اذاعه|إذاعة|اذاعة|راديو|تلفزيون|شبكه|شبكة)\s+")


_SITE_WORD = re.compile(r"^\s*(?:ال)?موقع\s+(?:(?:الالكتروني|الإلكتروني|الرسمي)\s+)?(?:لـ*\s*)?")


_COPYRIGHT_WORDS = re.compile(
    r"©|\(c\)|copyright|(?<!\d)\d{4}(?:\s*[-–]\s*\d{4})?(?!\d)"
    r"|(?:(?:جميع|كل)\s+)?(?:ال)?حقوق(?:\s+(?:ال)?(?:نشر|طبع))?(?:\s+و(?:ال)?(?:نشر|طبع))?(?:\s+محفوظ[ةه])?"
    r"|all rights reserved|[.,،|]", re.I)
# "محفوظة لـسكاي نيوز", "محفوظة لسكاي نيوز", "محفوظة للشرق الأوسط" (ل + ال is written لل): the name, without the ل.
_RESERVED_FOR = re.compile(r"(محفوظ[ةه])\s*(?:لـ+\s*|ل\s+|ل(?=[^\sـل]))")
_RESERVED_FOR_AL = re.compile(r"(محفوظ[ةه])\s*لل(?=[^\sـ])")


def copyright_name(text: str) -> str:
    """"© 2023 Sky News Arabia. جميع الحقوق محفوظة" → "Sky News Arabia",
    "جميع الحقوق محفوظة للشرق الأوسط © 2018" → "الشرق الأوسط": the name in a
    copyright line, never its year nor the ل written onto it; "" when it names nothing."""
    text = _RESERVED_FOR.sub(r"\1 ", _RESERVED_FOR_AL.sub(r"\1 ال", text or ""))
    # "© 2025 الاقتصادية. الاقتصادية ليست مسؤولة عن محتوى المواقع الخارجية.": the sentence that holds the sign.
    sentences = [part for part in re.split(r"(?<=[.!؟])\s+", text) if COPYRIGHT_LINE.search(part)]
    text = " ".join(sentences) or text
    # "الحقوق محفوظة 2018 - عكاظ": the dash that parted the year from the name is no part of it.
    return " ".join(_COPYRIGHT_WORDS.sub(" ", text).split()).strip(" -–—:")


def name_in_value(value: str) -> str:
    """A value that names the outlet (a record's field, a file's property), as
    written, or the name in it when it is a copyright line ("© 2018 الشرق الأوسط")."""
    value = value.strip()
    return copyright_name(value) if COPYRIGHT_LINE.search(value) else value


# The marks a page's title parts its headline from its site's name with ("Headline | Site", "Site :: Headline",
# "Headline ‹ Site", "Headline ~ Site", "Headline || Site"): one or two of them between spaces. Shared by the
# HTML <title>, a Word file's title property and a text save's first line.
TITLE_SEPARATORS = re.compile(r"\s+[-–—|•»«‹›~:]{1,2}\s+")


# A label before a name ("المصدر:", "نقلاً عن") and the separators between a line's fields.
_NAME_LABEL = re.compile(r"^\s*(?:المصدر|مصدر الخبر|الصحيفة|الجريدة|الناشر|source|publisher|نقلا عن|نقلاً عن)\s*[:：]?\s*", re.I)
_FIELD_SEPARATORS = re.compile(r"\s[|\-–—•/]\s|[|،,؛–—]")


def named_parts(line: str):
    """"المصدر: صحيفة اليوم، أغسطس 2015", "الثلاثاء 11 أغسطس 2015 — صحيفة اليوم": the fields of a
    labelled or dated line that hold no digit, each a name to ask for exactly. (Taking the date's
    words out of the whole line would cut a name holding one: "اليوم" is also "today".)"""
    inner = re.sub(r"^\s*[(\[]\s*(.*?)\s*[)\]]\s*$", r"\1", line or "")
    found = date_in_line(inner)
    if found:
        inner = inner.replace(found[2], " | ")
    parts = _FIELD_SEPARATORS.split(_NAME_LABEL.sub("", inner))
    return [part for part in (p.strip(" \t\"'“”«»:.()[]") for p in parts)
            if re.search(r"\w\w", part) and not re.fullmatch(r"[\d\W]+", part) and 1 <= len(part.split()) <= 5]


def clean_name(text: str) -> str:
    """A proposed outlet's name as found, without quotes or trailing punctuation."""
    name = re.sub(r"\s+", " ", text).strip(" \t\"'“”«»:：.,،-–—")
    return name[:200]


# "X – Y" header lines, "[بغداد_اين]" agency tags, "لـ KDP:" in headlines.
# (A hyphen inside a Latin name, "Al-Manar", "Agence France-Presse", parts nothing.)
OUTLET_DATELINE = re.compile(r"^(?P<a>[^–—\-:|]{2,40}?)\s*(?:[–—|]|(?<![A-Za-z])-|-(?![A-Za-z]))\s*(?P<b>[^–—\-:|]{2,40})$")
BRACKET_TAG = re.compile(r"^[\[(]\s*(?P<place>[^\]\)_\-–—/]{2,30}?)\s*[_\-–—/]+\s*(?P<outlet>[^\]\)]{2,30}?)\s*[\])]$")
# "... لـ KDP:" (tatweel), "... لرووداو:", "... لـ"راديو سوا":"
TITLE_TO = re.compile(r"(?:لـ+\s*|(?<=\s)ل)[\"“«]?(?P<name>[^\s:\"”»]{2,30}(?:\s[^\s:\"”»]{2,30})?)[\"”»]?\s*:")


# The start of a lead up to its first spaced dash or colon: an agency's or a
# paper's dateline, the outlet before or after the place ("الرياض: سكاي نيوز
# عربية -", "دمشق - «سكاي نيوز عربية»:", "القاهرة (أ ش أ) -").
# ("بغداد/ واع/ …", "حلب/ رويترز/": a slash with a space after it parts a dateline as a dash does.)
_DATELINE_HEAD = re.compile(r"^(?P<head>[^.!؟\n]{2,70}?)(?:\s[-–—]\s|\s*:\s|(?<!\d)/\s)")
_DATELINE_PARTS = re.compile(r"\s*(?:[-–—:/،,()«»\"“”]|\s[|]\s)\s*")
DATELINE_WORDS = 8


def dateline_cues(lead: str):
    """Exact-name cues from a lead's dateline: each part of its head (up to
    the second dash or colon, eight words at most). A part names a catalogue
    outlet exactly or nothing: a place there ("الرياض") is not the paper."""
    m = _DATELINE_HEAD.match(lead or "")
    if not m:
        return []
    head = m["head"]
    second = _DATELINE_HEAD.match(lead[m.end():])
    if second and len(second["head"].split()) <= 4:
        head = f"{head} - {second['head']}"  # "الرياض: سكاي نيوز عربية -"
    if len(head.split()) > DATELINE_WORDS:
        return []
    cues = [Cue(part.strip(), where="مطلع الخبر") for part in _DATELINE_PARTS.split(head) if len(part.strip()) >= 2]
    return cues + place_outlet_cues(m["head"])


# "خاص بـ«الشرق الأوسط»", "(خاص بـX)", "خاص - X": a story the site says is its own. "خاص" alone
# ("بغداد - خاص") names no outlet, and the part beside it is the dateline, not a name to propose.
EXCLUSIVE = re.compile(r"^[(\[]?\s*خاص\s*(?:(?:بـ+|ب|لـ+|ل)\s*[«\"“]?(?P<name>[^«»\"“”()\[\]]{2,40}?)[»\"”]?)?\s*[)\]]?$")


def exclusive_parts(line: str):
    """A byline holding the mark "خاص": ``(names, others)`` — the names the site gives itself there
    ("خاص بـX", a quoted «X», the part beside "خاص") and the other parts (a place); None without the mark."""
    parts = [part.strip() for part in re.split(r"\s+[-–—|]\s+|\s*[:/]\s+", (line or "").strip()) if part.strip()]
    marks = [EXCLUSIVE.match(part) for part in parts]
    if not any(marks) or len(parts) > 4 or len(line.split()) > 10:
        return None
    names = [m["name"] for m in marks if m and m["name"]]
    rest = [part for part, m in zip(parts, marks) if not m]
    quoted = [q for part in rest for q in re.findall(r"^[«\"“]([^«»\"“”]{2,40})[»\"”]$", part)]
    return names + quoted, [part for part in rest if not re.match(r"^[«\"“]", part)]


# "بغداد - الاقتصادية": a place, a spaced dash, and a paper's name without its kind word.
_PLACE_OUTLET = re.compile(r"^\s*(?P<place>[^\d\-–—:/،,()«»]{2,25}?)\s+[-–—]\s+(?P<outlet>[^\d\-–—:/،,()«»]{2,30})\s*$")


def place_outlet_cues(head: str):
    """A paper's dateline "الرياض - الجزيرة:" prints the place first, then its own name
    without the kind word ("صحيفة"): the second part is asked for as a site name (a
    catalogue outlet's bare name when one outlet alone has it), the first never."""
    m = _PLACE_OUTLET.match(head or "")
    if not m or len(m["place"].split()) > 3 or len(m["outlet"].split()) > 3:
        return []
    return [Cue(m["outlet"].strip(), where="مطلع الخبر (المكان – الصحيفة)", names_site=True, unless_named=m["place"].strip())]
