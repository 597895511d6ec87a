"""The second development batch of Word habits (written after the midway check): a converted
page with a sidebar of links and tags in a layout table, headline and date in a two-cell table,
a paste whose outlet is a link to the site's home page, "المصدر: outlet، date" in the footer.
Written by ``readers_devset_word_cli write`` into ``<out>/dev2``."""
import html
import json
import os
import random
from datetime import datetime

import docx

from . import readers_devset_word as base
from .readers_devset_word import add_hyperlink, body_pars, dstr, furniture_bits, lo_convert, outlet_for, paragraphs, save, truth


def lo_sidebar(r, rng, rel, o):
    slug, name, latin, domain = o
    crumb, share, read, related, nxt, copy = furniture_bits(rng, rel, name)
    ps = paragraphs(r["body"]); d = r["day"]; e = html.escape
    tags = rng.sample(["العراق", "داعش", "سوريا", "الموصل", "التحالف الدولي"], 3)
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body>
<table><tr><td><b>{read}</b><br>{'<br>'.join(f'<a href="https://{domain}/n/{i}">{e(t)}</a>' for i, t in enumerate(related))}</td>
<td><h1>{e(r['title'])}</h1><p>بقلم: أحمد علي</p><p>نشر في: {e(dstr(d, rng, 'eg'))}</p>{''.join(f'<p>{e(p)}</p>' for p in ps)}
<p>الوسوم: {'، '.join(f'<a href="https://{domain}/tag/{i}">{t}</a>' for i, t in enumerate(tags))}</p></td></tr>
<tr><td colspan="2">{e(copy)} - <a href="https://{domain}/about">من نحن</a> - <a href="https://{domain}/contact">اتصل بنا</a></td></tr></table></body></html>"""
    return lo_convert(page), [read, *related, "الوسوم", copy, "بقلم"], "day"


def cell_pair(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    t = doc.add_table(rows=1, cols=2); t.cell(0, 0).text = r["title"]; t.cell(0, 1).text = dstr(d, rng, rng.choice(["num", "eg", "lev"]))
    body_pars(doc, ps, rng, soft=False)
    doc.sections[0].footer.paragraphs[0].text = f"{name} - صفحة {rng.randint(2, 9)}"
    return save(doc), ["صفحة"], "day"


def paste_bold_meta(r, rng, rel, o):
    slug, name, latin, domain = o
    crumb, share, read, related, nxt, copy = furniture_bits(rng, rel, name)
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    p = doc.add_paragraph(); p.add_run(r["title"]).bold = True
    p = doc.add_paragraph(); add_hyperlink(p, name, f"https://{domain}/"); p.add_run(" | " + dstr(d, rng, rng.choice(["numtime", "eg"])))
    p = doc.add_paragraph()
    for s in share: add_hyperlink(p, s + " ", f"https://share.example/{len(s)}")
    body_pars(doc, ps, rng)
    p = doc.add_paragraph("تابعونا على:")
    for s in ("فيسبوك", "تويتر", "يوتيوب"): add_hyperlink(doc.add_paragraph(), s, f"https://{s}.example/")
    p = doc.add_paragraph(); p.add_run(nxt).bold = True
    return save(doc), ["تابعونا", nxt, share[0]], "day"


def heading_footer_date(r, rng, rel, o):
    slug, name, latin, domain = o
    ps = paragraphs(r["body"]); d = r["day"]
    doc = docx.Document()
    doc.add_heading(r["title"], level=1)
    body_pars(doc, ps, rng)
    doc.sections[0].footer.paragraphs[0].text = f"المصدر: {name}، {dstr(d, rng, rng.choice(['eg', 'lev', 'num']))}"
    return save(doc, {"author": "Archive Team", "created": datetime(2026, 10, 3)}), [], "day"


H2 = ["lo_sidebar", "cell_pair", "paste_bold_meta", "heading_footer_date"]


def write_second(out, sample=None):
    cases, others = (sample or base.sample)(60, 4242)
    cases = cases[-24:]  # not the first batch's articles
    rng = random.Random(4242)
    out = os.path.join(out, "dev2"); os.makedirs(out, exist_ok=True)
    truths, ids = {}, []
    for i, r in enumerate(cases):
        habit = H2[i % len(H2)]
        o = outlet_for(r, rng)
        rel = [x["title"] for x in rng.sample(others, 6)]
        data, furniture, precision = globals()[habit](r, rng, rel, o)
        fname = f"{i:03d}_{habit}.docx"
        open(f"{out}/{fname}", "wb").write(data)
        truths[fname] = truth(r, o, habit, furniture, precision); ids.append([r["file"], r["id"]])
    json.dump(truths, open(f"{out}/truth.json", "w"), ensure_ascii=False, indent=1)
    json.dump(ids, open(os.path.join(out, "ids.json"), "w"))
    print(len(truths))
