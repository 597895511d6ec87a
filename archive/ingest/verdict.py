"""Whether what a reader found is an article at all, and small enough to keep.

Archivists save what the browser shows, and a browser also shows a site's
"page not found" page, a section's list of headlines, pages that are only
links and a cookie-consent wall in front of the article. Each is refused here with the reason in the archivist's language,
whatever the format it came in; so is an article longer than the archive's
text limit (``settings.ARTICLE_MAX_TEXT_CHARS``).

The evidence is general, not per site: an error page says so in its title or
first lines and has little text; an index page is lines of headline length
with no sentence among them, or (for HTML) text that is mostly link text.
"""
import re

from .draft import IngestError
from .normalize import loose, word_count
from .prose import is_other_language, is_prose, prose_words, reads_as_article

# Matched against ``loose`` text: no hamza seats, ه for ة, ي for ى.
_ERROR_PAGE = re.compile(
    # "404" alone on a line or beside an error word; a "404th brigade" is no error page.
    r"(?:^|\n)\s*(?:خطا\s*)?(?:404|403|410|500|503)\s*(?:$|\n|[-–|:])|(?<!\d)(?:404|403|410|500|503)\s*(?:error|not found|خطا)|"
    r"(?:error|خطا|الخطا)\s*(?:404|403|410|500|503)(?!\d)|"
    r"الصفحه (?:المطلوبه |التي تبحث عنها )?(?:غير موجوده|لم تعد موجوده|غير متوفره)|"
    r"لم (?:نعثر|يتم العثور) علي (?:الصفحه|الرابط|المحتوي)|"
    r"(?:page|file) not found|not found|خطا في الصفحه|"
    r"عذرا[،,]? (?:لا يمكن|الصفحه|هذه الصفحه|الرابط)|"
    r"(?:الرابط|الصفحه) (?:غير صحيح|معطل)|حدث خطا|"
    # A site down for maintenance, a bot check in front of the page.
    r"تحت الصيانه|under maintenance|checking if the site connection is secure|verify you are (?:a )?human|"
    r"access denied|forbidden"
)
# A cookie or consent wall saved instead of the page: it asks to accept cookies
# and holds little else (matched against ``loose`` text).
_CONSENT = re.compile(
    r"ملفات تعريف (?:الارتباط|الارتباطات)|(?:ال)?كوكيز|\bcookies?\b|سياسه (?:الخصوصيه|ملفات)|"
    r"نحترم خصوصيتك|we value your privacy|your privacy", re.I)
_CONSENT_ACTION = re.compile(r"موافق|اوافق|قبول|اقبل|اداره الخيارات|accept|agree|consent|manage (?:options|settings)", re.I)
CONSENT_MAX_WORDS = 120
# A teaser cut short ("…", "...") ends no sentence: an index page lists them.
_TEASER_END = re.compile(r"(?:\.\.\.?|…)[\"»”)\]]*\s*$")
# An error page never holds a whole article; a real one that quotes "404" does.
ERROR_PAGE_MAX_WORDS = 150
# An error page says so in a heading or a short notice; a line longer than
# this is a sentence of an article, whatever it quotes.
ERROR_LINE_MAX_WORDS = 25
INDEX_MIN_LINES = 3
# A text this short without one line of prose holds no article (``prose.is_prose``).
NO_PROSE_MAX_WORDS = 36
TOO_FEW_WORDS = 12
# An HTML page whose visible text is mostly link text is a list of links,
# when what was extracted as its article is this short.
LINK_SHARE = 0.5
LINK_PAGE_MAX_WORDS = 120
_FULL_STOP = re.compile(r"[.][\"»”)\]]*\s*$")
_SENTENCE_END = re.compile(r"[.!؟?…:][\"»”)\]]*\s*$")


def too_long(chars, limit):
    return IngestError(
        f"نص المقال أطول من الحد المسموح ({chars:,} حرفاً والحد {limit:,}): "
        "قسّمه أو اطلب من المسؤول رفع الحد (ARTICLE_MAX_TEXT_CHARS).",
        f"The article's text is longer than allowed ({chars:,} characters; the limit is {limit:,}).",
    )


def error_page():
    return IngestError(
        "هذه صفحة خطأ محفوظة («الصفحة غير موجودة» أو ما يشبهها) وليست مقالاً، فلم تُستورد.",
        "This is a saved error page (\"page not found\" or the like), not an article.",
    )


def index_page():
    return IngestError(
        "هذه صفحة قسم أو قائمة روابط وعناوين وليست مقالاً: لا فقرات فيها، فلم تُستورد.",
        "This is a section or index page of links and headlines, not an article: it has no paragraphs.",
    )


def consent_page():
    return IngestError(
        "هذه نافذة موافقة على ملفات تعريف الارتباط (cookies) حُفظت بدل المقال، فلم تُستورد: احفظ الصفحة بعد قبولها.",
        "This is a cookie consent wall saved instead of the article: save the page again after accepting it.",
    )


def _holds_little_text(body):
    """A wall saved instead of the page (consent, login, paywall) holds little text besides its notice."""
    # Cheap tests first: the corpus's records go through here by the ten thousand.
    return len(body) <= CONSENT_MAX_WORDS * 15 and word_count(body) <= CONSENT_MAX_WORDS


def is_consent_page(title, body):
    """A consent wall: it speaks of cookies or privacy, asks to accept, and holds little text."""
    body = body or ""
    return _holds_little_text(body) and says(title, body.split("\n"), _CONSENT, _CONSENT_ACTION)


def login_page():
    return IngestError(
        "هذه صفحة تسجيل دخول حُفظت بدل المقال، فلم تُستورد: سجّل الدخول ثم احفظ صفحة المقال.",
        "This is a login page saved instead of the article: log in, then save the article's page.",
    )


# (A password-reset form asks for the account's e-mail or user name instead of a login.)
_LOGIN = re.compile(r"تسجيل الدخول|سجل الدخول|log ?in|sign in|بريدك الالكتروني|اسم المستخدم|اعاده تعيين|"
                    r"e-?mail address|username|reset", re.I)
_PASSWORD = re.compile(r"كلمه المرور|كلمه السر|password", re.I)


def is_login_page(title, body):
    """A login form saved instead of the page: it asks for a password and holds little text."""
    body = body or ""
    return _holds_little_text(body) and says(title, body.split("\n"), _LOGIN, _PASSWORD)


def paywall_page():
    return IngestError(
        "هذه صفحة اشتراك حُفظت بدل المقال (لا يظهر منه إلا مطلعه)، فلم تُستورد: احفظ الصفحة وأنت مشترك.",
        "This is a paywall saved instead of the article (only its opening shows): save the page while subscribed.",
    )


# A paywall asks to subscribe to go on reading (matched against ``loose`` text).
# Words only a wall says, in both patterns below: subscribers only, paid content.
_WALL_WORDS = (r"(?:للمشتركين|لمشتركي)[^.\n]{0,30}فقط|(?:محتوي|مقال|تقرير)\s+(?:مدفوع|مدفوعه)|"
               r"subscribe (?:now )?to (?:continue|read|keep)|subscribers? only|already a subscriber")
_PAYWALL = re.compile(
    r"(?:متاح|متاحه|حصري|مخصص|مخصصه)\s+(?:للمشتركين|لمشتركي)|" + _WALL_WORDS + "|"
    r"(?:اشترك|الاشتراك|اشتراك)[^.\n]{0,50}(?:القراءه|لقراءه|للقراءه|للوصول|المحتوي|المقالات?)\b|"
    r"(?:لمتابعه|لمواصله|لاكمال|لاستكمال)\s+(?:قراءه|القراءه)|continue reading", re.I)


# A paywall's notice is a short line ("هذا المحتوى حصري للمشتركين", "Subscribe to continue reading");
# a sentence of an article that speaks of subscribing ("دعت الوزارة إلى الاشتراك في خدمة الرسائل
# لمتابعة قراءة التحذيرات") is longer.
NOTICE_MAX_WORDS = 12


def is_paywall_page(title, body):
    """A paywall: little text, and a short line asking to subscribe to read on."""
    body = body or ""
    if not _holds_little_text(body):
        return False
    sentences = _sentences(body.split("\n"))
    return says("", [title or "", *_wall_notices(sentences)], _PAYWALL, rest=sentences)


def _sentences(lines):
    """A wall's notice may share a line with its offer ("هذا المحتوى متاح للمشتركين فقط. اشترك الآن
    واحصل على…"): each sentence of a line is weighed as a line would be."""
    return [part for line in lines for part in _SENTENCES.split(line) if part.strip()]


def _wall_notices(sentences):
    """The sentences short enough to be a wall's notice, a newsletter's offer left out."""
    return [s for s in sentences if word_count(s) <= NOTICE_MAX_WORDS and not _NEWSLETTER.search(loose(s))]


# A newsletter box asks to subscribe too ("اشترك في نشرتنا البريدية للوصول إلى أحدث المقالات"), under
# whole articles: it offers mail, not the rest of the article.
_NEWSLETTER = re.compile(r"نشره|نشرتنا|النشره|البريد|بريدك|newsletter|e-?mail|inbox", re.I)


_SENTENCES = re.compile(r"(?<=[.!؟?])\s+")


# A paywall that lets the opening show: the readers keep the opening and drop the box under it
# ("لمتابعة قراءة المقال اشترك الآن") as furniture, and a whole page, menus and all, holds too much
# text to be judged a wall. So the page's own lines just under the body's last line are read for
# the box. Only a wall's own words count here: a newsletter box under a short article ("اشترك في
# نشرتنا للوصول إلى أحدث المقالات") asks to subscribe too, and that article is whole.
_WALL = re.compile(
    r"(?:متاح|متاحه|حصري|مخصص|مخصصه)\s+(?:فقط\s+)?(?:للمشتركين|لمشتركي)|" + _WALL_WORDS + "|"
    r"(?:لمتابعه|لمواصله|لاكمال|لاستكمال|لقراءه)\s+(?:قراءه |القراءه |بقيه |باقي )?(?:المقال|الخبر|التقرير|القراءه)",
    re.I)
# How far under the body's last line the box stands (a button or a "log in" line may come first).
WALL_LINES_AFTER = 4


def is_cut_by_paywall(body, page_lines):
    """The body is an opening only: it is short and the page's lines right under its last line hold a
    paywall's box (``page_lines``: the page's visible lines, or a text save's lines)."""
    body = body or ""
    if not body.strip() or not _holds_little_text(body):
        return False
    last = loose(next(line for line in reversed(body.split("\n")) if line.strip()))
    key = last[-60:].strip()
    at = next((i for i in range(len(page_lines) - 1, -1, -1) if key and key in loose(page_lines[i])), None)
    if at is None:
        return False
    after = [line for line in page_lines[at + 1:] if line.strip()][:WALL_LINES_AFTER]
    return any(_WALL.search(loose(notice)) for notice in _wall_notices(_sentences(after)))


def redirect_page():
    return IngestError(
        "هذه صفحة تحويل حُفظت قبل أن تنتقل إلى المقال («جاري التحويل…»)، فلم تُستورد: افتح الرابط الذي تحوّل إليه واحفظ صفحة المقال.",
        "This is a redirect page saved before it moved on to the article: open the address it redirects to "
        "and save the article's page.",
    )


_REFRESH = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*\S", re.I)


def is_redirect_stub(tree, body):
    """A page that sends the browser on (``<meta http-equiv="refresh" content="0; url=…">``) and
    holds no article of its own: what was saved is the stop on the way, not the article."""
    try:
        refresh = [m for m in tree.iter("meta") if (m.get("http-equiv") or "").lower() == "refresh"
                   and _REFRESH.match(m.get("content") or "")]
    except Exception:  # a malformed tree: no verdict
        return False
    return bool(refresh) and word_count(body) < LINK_PAGE_MAX_WORDS and not reads_as_article(body)


def check_raw_text(text, max_chars):
    """A text save is refused unread when even its furniture could not make up the difference."""
    if max_chars is not None and len(text) > 2 * max_chars:
        raise too_long(len(text), max_chars)


def is_error_page(title, body):
    """An error notice near the top: the title, or a short line of the first
    six. An article that reports one inside a sentence ("a message appeared
    saying 'this page is unavailable'", a CNN story about a vanished account)
    is an article."""
    if word_count(body) > ERROR_PAGE_MAX_WORDS:
        return False
    lines = [line for line in body.split("\n")[:6] if word_count(line) <= ERROR_LINE_MAX_WORDS]
    return says(title, lines, _ERROR_PAGE, rest=body.split("\n"))


def says(title, lines, *patterns, rest=None):
    """Whether the page says what ``patterns`` find (each of them, in its title or lines), weighed
    against what else it holds. A notice (the title, a line that is no sentence: "عذراً، الصفحة غير
    موجودة", "موافق") is the page's own word. A sentence that says it ("وأظهرت لقطات للموقع رسالة خطأ
    404 بعد…", "ويلزم القانون المواقع بطلب موافقة القراء قبل استخدام ملفات تعريف الارتباط") is an
    article's, unless the rest of the text (``rest``, by default ``lines``), those sentences left
    out, does not read as an article (``prose.reads_as_article``)."""
    notices = [title or "", *(line for line in lines if not is_prose(line))]
    if all(p.search(loose("\n".join(notices))) for p in patterns):
        return True
    if not all(p.search(loose("\n".join([title or "", *lines]))) for p in patterns):
        return False
    others = [line for line in (lines if rest is None else rest) if not any(p.search(loose(line)) for p in patterns)]
    return not reads_as_article("\n".join(others))


def is_index_page(body):
    """Lines of headline length and not one sentence among them: a list, not an article."""
    lines = [line for line in body.split("\n") if line.strip()]
    if not lines:
        return False  # nothing at all: the reader says so in its own words
    if word_count(body) < TOO_FEW_WORDS and not any(_SENTENCE_END.search(line) for line in lines):
        return True  # a heading and nothing under it: a section page whose list was all links
    if len(lines) >= 2 and all(_TEASER_END.search(line) for line in lines):
        return True  # only teasers cut short: a search result's or a tag page's list
    if reads_as_article(body):
        return False  # enough prose, and enough of the text (``prose``): a short article, or one mostly a list
    prose, words = prose_words(body)
    if not prose and words < NO_PROSE_MAX_WORDS and not any(
            _FULL_STOP.search(line) and not _TEASER_END.search(line) for line in lines):
        # A few short lines, not one sentence and not one full stop (a question or a cry is a
        # comment's or a headline's): comments, a caption, what a list left.
        return True
    if len(lines) < INDEX_MIN_LINES:
        return False
    if any(word_count(line) > 30 for line in lines):
        return False
    # A short headline may end with "!" or "؟"; a sentence of the article ends with "." or is long.
    sentences = sum(1 for line in lines if _SENTENCE_END.search(line) and not _TEASER_END.search(line)
                    and (not re.search(r"[!؟?][\"»”)\]]*\s*$", line) or word_count(line) >= 12))
    return sentences <= len(lines) // 5


# Fewer words than this is no article, whatever it says: counted on the corpus's 62,199 articles, one
# in 200 has fewer than 10 words of text (most of them broken records). A notice page has a line or two
# ("هذا المحتوى غير متاح في بلدك. نأسف لذلك.", "انتهت صلاحية الرابط، يرجى المحاولة مرة أخرى.").
ARTICLE_MIN_WORDS = 10


def too_short(words):
    return IngestError(
        f"نص هذا الملف أقصر من أن يكون مقالاً ({words} كلمات): يبدو إشعاراً أو رسالة من الموقع حُفظت بدل المقال، فلم يُستورد.",
        f"This file's text is too short to be an article ({words} words): it looks like a site's notice or message "
        "saved instead of the article.",
    )


def other_language():
    return IngestError(
        "نص هذا الملف ليس بالعربية (صفحة بلغة أخرى أو رسالة خادم)، والأرشيف للأخبار العربية، فلم يُستورد.",
        "This file's text is not Arabic (a page in another language or a server's message); "
        "the archive holds Arabic news, so it was not imported.",
    )


def refusal(draft, max_chars=None):
    """The ``IngestError`` a draft is refused with, or None when it is an article to keep."""
    body = draft.body or ""
    if max_chars is not None and len(body) > max_chars:
        return too_long(len(body), max_chars)
    if is_error_page(draft.title, body):
        return error_page()
    if draft.format != "jsonl" and body.strip() and word_count(body) < ARTICLE_MIN_WORDS:
        return too_short(word_count(body))
    # A record of JSON lines is an article by declaration; a file's text is judged by its letters.
    if draft.format != "jsonl" and is_other_language(draft.title, body):
        return other_language()
    if draft.format != "jsonl" and is_consent_page(draft.title, body):
        return consent_page()
    if draft.format != "jsonl" and is_login_page(draft.title, body):
        return login_page()
    if draft.format != "jsonl" and is_paywall_page(draft.title, body):
        return paywall_page()
    # A JSON-lines record is an article by declaration; a short brief may be a list of lines.
    if draft.format != "jsonl" and is_index_page(body):
        return index_page()
    return None


def link_share(tree):
    """The share of a page's visible text (scripts and styles aside) that is link text."""
    try:
        body = tree.find(".//body")
        root = body if body is not None else tree
        total = linked = 0
        for node in root.iter():
            if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
                continue
            inside_link = node.tag == "a" or any(a.tag == "a" for a in node.iterancestors())
            n = len((node.text or "").split())
            total += n
            if inside_link:
                linked += n
            tail = len((node.tail or "").split())
            total += tail
            if node.getparent() is not None and (node.getparent().tag == "a"
                                                 or any(a.tag == "a" for a in node.getparent().iterancestors())):
                linked += tail
        return linked / total if total else 0.0
    except Exception:  # a malformed tree: no verdict rather than a failed upload
        return 0.0


def is_link_page(tree, body):
    """Mostly link text, and what was extracted is short and does not read as an article
    (a two-paragraph brief under a site's long menu and "most read" box is one)."""
    return word_count(body) < LINK_PAGE_MAX_WORDS and not reads_as_article(body) and link_share(tree) >= LINK_SHARE
