"""Word files as archivists make them (issue 10; readers4w's round): write a development and a check part.

    .venv/bin/python -m tooling.evaluation.readers_devset_word_cli write ../shared/corpus data/devset-word
    DATA_DIR=... DEBUG=1 .venv/bin/python -m tooling.evaluation.readers_devset score data/devset-word/dev   # or check, dev2

Habits: a saved page converted by LibreOffice (``libreoffice --headless
--convert-to docx``; Debian's ``libreoffice-writer-nogui``), the selection a
person pastes from the browser (written with python-docx keeping paragraphs,
soft returns, bold headings, links, tables), and Word habits (headline in a
table cell or a text box, outlet and date in the header, footer or a footnote,
a logo's alt text, tracked changes and comments, core properties of the
archivist, right-to-left text with English furniture). Whole habits are held
out as the check part (seed 4); ``dev2`` is a second batch of four habits.
Articles come from both corpus files; nothing of the corpus is committed.
"""

import gzip, html, io, json, os, random, re, struct, subprocess, sys, tempfile, zlib
from datetime import datetime, date
from tooling.evaluation.readers_devset import OUTLETS, EG, LEV, MAG, HIJRI, DAYS, MENU, SHARE_LINES, paragraphs, hijri, weekday
import docx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from docx.oxml import parse_xml
from docx.shared import Pt

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CAT = json.load(open(os.path.join(ROOT, "fixtures", "outlet_catalogue.json"), encoding="utf-8"))
CAT = [o for o in CAT if o.get("domains") and len(o["name"]) > 3]
BY_SLUG = {o["slug"]: o for o in json.load(open(os.path.join(ROOT, "fixtures", "outlet_catalogue.json"), encoding="utf-8"))}
HABITS = ["lo_div", "lo_table", "paste_region", "paste_meta_table", "w_headline_cell", "w_textbox",
          "w_footnote", "w_logo_alt", "w_props", "w_track", "w_rtl_english", "w_header_footer"]
CHECK = sorted(random.Random(4).sample(HABITS, 4))


def png():
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def sample(n, seed):
    rng = random.Random(seed)
    pool = []
    for path, slot in ((os.path.join(CORPUS, "articles.jsonl.gz"), 3), (os.path.join(CORPUS, "articles-b.jsonl.gz"), 1)):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % 13 != slot: continue
                r = json.loads(line)
                if r["source"] not in OUTLETS or not r.get("title") or len(r["title"].split()) < 4: continue
                ps = paragraphs(r["body"])
                if not (3 <= len(ps) <= 20 and len(ps[0]) > 80 and len(ps[-1]) > 30): continue
                if not r.get("published"): continue
                if re.search(r"(?:13|14|19|20)\d\d|هـ", " ".join(ps[:2])): continue
                r["day"] = datetime.fromisoformat(r["published"]).date()
                r["file"] = os.path.basename(path)
                pool.append(r)
    rng.shuffle(pool)
    return pool[:n], pool[n:n + 200]


def outlet_for(r, rng):
    """(slug, printed name, latin, domain): half the record's own outlet, half another catalogue outlet."""
    if rng.random() < 0.5:
        slug, ar, forms, latin, domain, _ = OUTLETS[r["source"]]
        return slug, ar, latin, domain
    o = rng.choice(CAT)
    return o["slug"], o["name"], o.get("name_en") or o["name"], o["domains"][0]


def dstr(d, rng, kind=None):
    kind = kind or rng.choice(["eg", "lev", "num", "numtime", "en", "hijri"])
    if kind == "eg": return f"{d.day} {EG[d.month-1]} {d.year}"
    if kind == "lev": return f"{weekday(d)} {d.day} {LEV[d.month-1]} {d.year}"
    if kind == "num": return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if kind == "numtime": return f"{d.day:02d}/{d.month:02d}/{d.year} | {rng.randint(0,23):02d}:{rng.randint(0,59):02d}"
    if kind == "en": return f"{d:%B} {d.day}, {d.year}"
    hy, hm, hd = hijri(d)
    return f"{weekday(d)} {hd} {HIJRI[hm-1]} {hy}هـ - {d.day} {EG[d.month-1]} {d.year}م"


def furniture_bits(rng, rel, name):
    crumb = f"الرئيسية › {rng.choice(MENU[1:6])} › {rng.choice(['العراق', 'سوريا', 'عربي ودولي'])}"
    share = rng.sample(SHARE_LINES, 3)
    read = rng.choice(["اقرأ أيضاً", "اقرأ أيضا:", "مواضيع ذات صلة", "الأكثر قراءة"])
    return crumb, share, read, rel[:3], rel[3], f"© {rng.randint(2019, 2024)} {name}. جميع الحقوق محفوظة"


def save(document, props=None):
    for k, v in (props or {}).items(): setattr(document.core_properties, k, v)
    buf = io.BytesIO(); document.save(buf); return buf.getvalue()


def lo_convert(page):
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "page.html"); open(p, "w", encoding="utf-8").write(page)
        open(os.path.join(tmp, "logo.png"), "wb").write(png())
        subprocess.run(["libreoffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, p],
                       check=True, capture_output=True, timeout=120)
        return open(os.path.join(tmp, "page.docx"), "rb").read()


def _ps(ps, rng, rel):
    out = []
    for i, p in enumerate(ps):
        if i == 1 and rng.random() < 0.5:  # a link inside the text
            w = p.split(); k = len(w) // 2
            p = " ".join(w[:k]) + f' <a href="/tag/{k}">{html.escape(w[k])}</a> ' + html.escape(" ".join(w[k+1:]))
            out.append(f"<p>{p}</p>")
        else:
            out.append(f"<p>{html.escape(p)}</p>")
    return "".join(out)


def lo_div(r, rng, rel, o):
    slug, name, latin, domain = o
    crumb, share, read, related, nxt, copy = furniture_bits(rng, rel, name)
    ps = paragraphs(r["body"]); d = r["day"]; e = html.escape
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(r['title'])} | {e(name)}</title>
<meta property="og:site_name" content="{e(name)}"></head><body>
<header><img src="logo.png" alt="{e(name)}"><ul>{''.join(f'<li><a href="/">{m}</a></li>' for m in MENU[:7])}</ul></header>
<div class="crumb">{e(crumb)}</div><article><h1>{e(r['title'])}</h1><div class="meta">{e(dstr(d, rng, 'numtime'))}</div>
<figure><img src="logo.png" alt="صورة"><figcaption>{e(rel[4])} (أرشيفية)</figcaption></figure>
{_ps(ps, rng, rel)}<ul class="share">{''.join(f'<li><a href="#">{s}</a></li>' for s in share)}</ul>
<aside><h3>{read}</h3><ul>{''.join(f'<li><a href="/n">{e(t)}</a></li>' for t in related)}</ul></aside></article>
<footer><p>{e(copy)}</p></footer></body></html>"""
    return lo_convert(page), [*MENU[:7], crumb, *share, read, *related, copy, rel[4]], "day"


def lo_table(r, rng, rel, o):
    slug, name, latin, domain = o
    crumb, share, read, related, nxt, copy = furniture_bits(rng, rel, name)
    ps = paragraphs(r["body"]); d = r["day"]; e = html.escape
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(name)} - {e(r['title'])}</title></head><body>
<table width="100%"><tr><td colspan="2"><img src="logo.png" alt="{e(name)}"> {' | '.join(MENU[:6])}</td></tr>
<tr><td width="20%"><b>{read}</b><br>{'<br>'.join(f'<a href="/n">{e(t)}</a>' for t in related)}</td>
<td><h2>{e(r['title'])}</h2><p><font size="2">{e(dstr(d, rng, rng.choice(['eg', 'num', 'lev'])))}</font></p>
{_ps(ps, rng, rel)}<p>{' - '.join(share)}</p></td></tr>
<tr><td colspan="2"><small>{e(copy)}</small></td></tr></table></body></html>"""
    return lo_convert(page), [*share, read, *related, copy], "day"


# --- "pasted from the browser": the selection's HTML written with python-docx, keeping its structure ---------------

def _runs(par, text, bold=False, link=None):
    run = par.add_run(text); run.bold = bold
    if link: run.underline = True
    return run


def add_hyperlink(par, text, url):
    part = par.part
    rid = part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    el = parse_xml(f'<w:hyperlink {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:hyperlink>')
    par._p.append(el)


def rtl(par):
    pPr = par._p.get_or_add_pPr(); pPr.append(parse_xml(f"<w:bidi {W}/>"))


def body_pars(doc, ps, rng, soft=True):
    i = 0
    while i < len(ps):
        par = doc.add_paragraph(); rtl(par)
        if soft and i + 1 < len(ps) and rng.random() < 0.3:  # two paragraphs joined by a soft return (a <br>)
            par.add_run(ps[i]).add_break(); par.add_run(ps[i + 1]); i += 2
        else:
            par.add_run(ps[i]); i += 1


def paste_region(r, rng, rel, o):
    slug, name, latin, domain = o
    crumb, share, read, related, nxt, copy = furniture_bits(rng, rel, name)
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    p = doc.add_paragraph(); add_hyperlink(p, crumb, "https://" + domain + "/")
    p = doc.add_paragraph(); _runs(p, r["title"], bold=True).font.size = Pt(18)
    p = doc.add_paragraph(); p.add_run(f"{name}").add_break(); p.add_run(dstr(d, rng))
    p = doc.add_paragraph(" | ".join(share))
    body_pars(doc, ps, rng)
    p = doc.add_paragraph(); _runs(p, read, bold=True)
    for t in related:
        add_hyperlink(doc.add_paragraph(), t, "https://" + domain + "/n")
    p = doc.add_paragraph(); _runs(p, nxt, bold=True).font.size = Pt(18)
    return save(doc), [crumb, " | ".join(share), read, *related, nxt], "day"


def paste_meta_table(r, rng, rel, o):
    slug, name, latin, domain = o
    crumb, share, read, related, nxt, copy = furniture_bits(rng, rel, name)
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    p = doc.add_paragraph(); _runs(p, r["title"], bold=True)
    t = doc.add_table(rows=1, cols=3)
    t.cell(0, 0).text = name; t.cell(0, 1).text = dstr(d, rng, rng.choice(["eg", "num", "en"])); t.cell(0, 2).text = "  ".join(share)
    body_pars(doc, ps, rng)
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text = read; t.cell(1, 0).text = related[0]; t.cell(1, 1).text = related[1]
    return save(doc), ["  ".join(share), read, *related[:2]], "day"


# --- Word habits ------------------------------------------------------------------------------------------------------

def w_headline_cell(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    t = doc.add_table(rows=1, cols=1); t.cell(0, 0).text = r["title"]
    doc.add_paragraph(dstr(d, rng, "en"))
    body_pars(doc, ps, rng, soft=False)
    doc.sections[0].footer.paragraphs[0].text = f"{name} — أرشيف القسم"
    return save(doc), ["أرشيف القسم"], "day"


def w_textbox(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = f"{name} | {dstr(d, rng, rng.choice(['eg', 'lev', 'num']))}"
    p = doc.add_paragraph()
    box = parse_xml(f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:450pt;height:60pt"><v:textbox>'
                    f'<w:txbxContent><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{html.escape(r["title"])}</w:t></w:r></w:p></w:txbxContent>'
                    '</v:textbox></v:shape></w:pict></w:r>')
    p._p.append(box)
    body_pars(doc, ps, rng, soft=False)
    return save(doc), [], "day"


def w_footnote(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]; e = html.escape
    note = f"{name}، {dstr(d, rng, rng.choice(['eg', 'lev', 'num']))}"
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body>
<h1>{e(r['title'])}<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></h1>
{''.join(f'<p>{e(p)}</p>' for p in ps)}
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>{e(note)}</p></div>
</body></html>"""
    return lo_convert(page), [], "day"


def w_logo_alt(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    tmp = io.BytesIO(png()); doc.add_picture(tmp)
    pic = doc.paragraphs[-1]._p
    for el in pic.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        el.set("descr", name); el.set("name", "logo")
    doc.add_paragraph(r["title"]).style = doc.styles["Title"]
    doc.add_paragraph(dstr(d, rng, "hijri"))
    body_pars(doc, ps, rng, soft=False)
    return save(doc), [], "day"


def w_props(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    doc.add_heading(r["title"], level=1)
    doc.add_paragraph(f"{rng.choice(['بغداد', 'دمشق', 'الموصل'])} - {name}")
    body_pars(doc, ps, rng, soft=False)
    doc.add_paragraph(f"تاريخ النشر: {dstr(d, rng, rng.choice(['num', 'eg', 'lev']))}")
    made = datetime(2026, rng.randint(1, 11), rng.randint(1, 28), 10, 0)
    return save(doc, {"author": rng.choice(["سارة أحمد", "Ahmad Karim", "أرشيف المركز"]), "created": made, "modified": made,
                      "last_modified_by": "archivist", "title": f"أرشيف {made:%Y-%m-%d}"}), [], "day"


def w_track(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    p = doc.add_paragraph(); rtl(p)
    words = r["title"].split()
    p.add_run(" ".join(words[:-1]) + " ")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="archivist" w:date="2026-11-02T10:00:00Z"><w:r><w:delText>(مسودة) </w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="archivist" w:date="2026-11-02T10:00:00Z"><w:r><w:t>{html.escape(words[-1])}</w:t></w:r></w:ins>'))
    doc.add_paragraph(f"{name} - {dstr(d, rng, rng.choice(['eg', 'lev']))}")
    for i, para in enumerate(ps):
        q = doc.add_paragraph(); rtl(q)
        run = q.add_run(para)
        if i == 0:
            doc.add_comment(run, text="تحقق من التاريخ - راجع المصدر", author="Archivist", initials="AR")
    return save(doc), ["تحقق من التاريخ"], "day"


def w_rtl_english(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    doc.add_paragraph(f"Home > News > Middle East")
    p = doc.add_paragraph(r["title"]); rtl(p); p.runs[0].bold = True
    doc.add_paragraph(f"Source: {latin}")
    doc.add_paragraph(f"Published: {d:%d %b %Y} - {rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM")
    doc.add_paragraph("Share | Tweet | Email")
    body_pars(doc, ps, rng, soft=False)
    doc.add_paragraph("Read more:")
    for t in rel[:2]:
        add_hyperlink(doc.add_paragraph(), t, "https://" + domain + "/n")
    doc.add_paragraph(f"Copyright © {rng.randint(2019, 2024)} {latin}. All rights reserved.")
    return save(doc), ["Home > News", "Share | Tweet", "Read more", *rel[:2], "Copyright"], "day"


def w_header_footer(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = f"{name}"
    doc.sections[0].footer.paragraphs[0].text = f"{dstr(d, rng, rng.choice(['lev', 'eg', 'num']))} — صفحة 1"
    doc.add_heading(r["title"], level=2)
    body_pars(doc, ps, rng, soft=True)
    return save(doc), ["صفحة 1"], "day"


def truth(r, o, layout, furniture, precision):
    ps = paragraphs(r["body"])
    return {"layout": "docx_" + layout, "title": r["title"], "outlet": o[0], "date": r["day"].isoformat(),
            "precision": precision, "first": ps[0], "last": ps[-1], "furniture": furniture}


def write_first(out):
    per = 5
    cases, others = sample(per * len(HABITS), 4104)
    rng = random.Random(4104)
    ids = {"dev": [], "check": []}
    truths = {"dev": {}, "check": {}}
    for part in ("dev", "check"): os.makedirs(os.path.join(out, part), exist_ok=True)
    for i, r in enumerate(cases):
        habit = HABITS[i % len(HABITS)]
        part = "check" if habit in CHECK else "dev"
        o = outlet_for(r, rng)
        rel = [x["title"] for x in rng.sample(others, 6)]
        data, furniture, precision = globals()[habit](r, rng, rel, o)
        fname = f"{i:03d}_{habit}.docx"
        open(os.path.join(out, part, fname), "wb").write(data)
        truths[part][fname] = truth(r, o, habit, furniture, precision)
        ids[part].append([r["file"], r["id"]])
    for part in ("dev", "check"):
        json.dump(truths[part], open(os.path.join(out, part, "truth.json"), "w"), ensure_ascii=False, indent=1)
    json.dump({"check_habits": CHECK, "ids": ids}, open(os.path.join(out, "ids.json"), "w"), indent=1)
    print("check habits:", CHECK, {k: len(v) for k, v in truths.items()})


CORPUS = "../shared/corpus"
