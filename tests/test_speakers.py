"""Spec for finding quoted people (archive.speakers) and for speaker
proposals: stored by an import, reviewed in the admin, one click to accept in
the upload preview (archive.proposals)."""
from pathlib import Path

from hypothesis import given, settings as hypothesis_settings
from hypothesis import strategies as st
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from archive.gazetteer import AliasIndex
from archive.models import Article, Speaker, SpeakerProposal
from archive.speakers import find_quoted, proposals_for
from archive.tagging import tag

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"


def names(text):
    return [q.name for q in find_quoted(text)]


def proposed(text, index=None):
    index = index or AliasIndex([])
    return [(q.name, q.role) for q in proposals_for(text, index.find(text))]


# -- who is quoted -----------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("وقال ريكس تيلرسون، وزير الخارجية الأمريكي، إنه سينقل صلاحياته.", "ريكس تيلرسون"),
    ("قال الرئيس السوري، بشار الأسد، إن العملية ستستمر.", "بشار الأسد"),
    ("وقال نائب المحافظ طاهر عبد الله إن قوات الأمن تحاصر المبنى.", "طاهر عبد الله"),
    ("قال المتحدث باسم التحالف الدولي العقيد رايان ديلون إن الضربات مستمرة.", "رايان ديلون"),
    ("وأكدت المتحدثة باسم الخارجية السيدة ماريا زاخاروفا أن الاجتماع ألغي.", "ماريا زاخاروفا"),
    ("فأوضح مدير المرصد رامي عبد الرحمن أن الجسرين دمرا.", "رامي عبد الرحمن"),
    ("وحذر وزير الخارجية الأميركي، مايك بومبيو، الأربعاء، من أن الولايات المتحدة لن تمول.", "مايك بومبيو"),
    ("وقال البريجادير جنرال الأمريكي كيفين كيليا في البيان إن الغارات ستحد.", "كيفين كيليا"),
    ("ومن جانبه قال رئيس مركز المصالحة الروسي في سوريا اللواء يوري يفتوشينكو انه على الرغم.", "يوري يفتوشينكو"),
])
def test_a_reporting_verb_with_a_title_and_a_name_gives_the_name(text, name):
    assert names(text)[:1] == [name]


def test_the_role_is_what_the_text_calls_the_person():
    [quoted] = find_quoted("قال الرئيس السوري، بشار الأسد، إن العملية ستستمر.")
    assert quoted.role == "الرئيس السوري"
    [quoted] = find_quoted("وقال ريكس تيلرسون، وزير الخارجية الأمريكي، إنه سينقل صلاحياته.")
    assert quoted.role.startswith("وزير الخارجية")


@pytest.mark.parametrize("text", [
    "قال المرصد السوري لحقوق الانسان إن الغارات استمرت.",       # an organisation
    "وقال مسؤول بمجلس التعليم العالي إن الجامعات لن تفتح.",      # an unnamed official
    "وقال بيان للقيادة المشتركة إن الهجمات ركزت على المدينة.",
    "قال المتحدث باسم الرئيس التركي رجب طيب أردوغان إن بلاده لن تسلم المدينة.",  # someone else's spokesman
    "وقال في بيان إن الضربات مستمرة.",
    "وأعلن إقالة تيلرسون في تغريدة.",                              # not a reporting verb
])
def test_organisations_unnamed_people_and_objects_are_not_speakers(text):
    assert proposed(text) == []


def test_one_word_is_proposed_only_as_the_article_names_the_person_in_full():
    text = ("عبر وزير الدفاع البريطاني غافين وليامسون عن أسفه.\n"
            "وقال وليامسون في البيان: نفعل كل ما نستطيع.")
    assert [n for n, _role in proposed(text)] == ["غافين وليامسون"]
    assert proposed("وقال الخزعلي في حوار إن الشعب يعرف.") == []


def test_a_known_speaker_is_not_proposed_again(db):
    from archive.models import Speaker

    caggins = Speaker.objects.create(name="مايلز كاكينز", slug="c", aliases=["كاكينز"])
    index = AliasIndex([("speaker", caggins.pk, caggins.all_names(raw=True))])
    assert proposed("وقال العقيد مايلز كاكينز إن التحالف باق.", index) == []


def test_tag_returns_proposals_beside_the_speakers_it_knows():
    tags = tag("عنوان", "وقال العقيد رايان ديلون إن الضربات مستمرة.", AliasIndex([]))
    assert tags.speakers == []                     # never a speaker silently
    assert [q.name for q in tags.proposals] == ["رايان ديلون"]


# -- proposals in the database ----------------------------------------------

COALITION = ("المتحدث باسم التحالف يتحدث عن الضربات\n\n"
             "قال المتحدث باسم التحالف الدولي العقيد رايان ديلون إن الضربات مستمرة في سوريا.\n")


@pytest.fixture
def gazetteer(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "originals"
    call_command("loaddata", str(GAZETTEER), verbosity=0)


def import_text(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), verbosity=0)
    return Article.objects.get(original_name=name)


def test_import_stores_proposals_not_speakers(gazetteer, tmp_path):
    article = import_text(tmp_path, "dillon.txt", COALITION)
    assert [p.name for p in article.speaker_proposals.all()] == ["رايان ديلون"]
    proposal = article.speaker_proposals.get()
    assert proposal.status == SpeakerProposal.Status.PENDING
    assert "المتحدث باسم التحالف الدولي" in proposal.role
    assert not article.speakers.filter(name__contains="ديلون").exists()


def test_accepting_makes_a_speaker_with_the_spelling_and_role_and_tags_every_article(gazetteer, tmp_path):
    from archive import proposals

    Speaker.objects.filter(name="ريان ديلون").delete()   # the fixture knows him as ريان
    first = import_text(tmp_path, "a.txt", COALITION)
    second = import_text(tmp_path, "b.txt", COALITION.replace("مستمرة", "متواصلة"))
    speaker = proposals.accept(first.speaker_proposals.get())
    assert speaker.name == "رايان ديلون"
    assert "المتحدث باسم التحالف الدولي" in speaker.role
    assert set(speaker.articles.all()) == {first, second}
    assert set(SpeakerProposal.objects.values_list("status", flat=True)) == {"accepted"}


def test_merging_keeps_the_spelling_as_an_alias_of_the_known_speaker(gazetteer, tmp_path):
    from archive import proposals

    dillon = Speaker.objects.get(name="ريان ديلون")
    article = import_text(tmp_path, "a.txt", COALITION)
    proposals.merge(article.speaker_proposals.get(), dillon)
    dillon.refresh_from_db()
    assert "رايان ديلون" in dillon.aliases
    assert article.speakers.filter(pk=dillon.pk).exists()
    assert article.speaker_proposals.get().status == "merged"


def test_the_admin_lists_proposals_and_accepts_them(gazetteer, tmp_path, client):
    article = import_text(tmp_path, "a.txt", COALITION)
    client.force_login(User.objects.create_superuser("boss", "b@example.org", "x"))
    changelist = reverse("admin:archive_speakerproposal_changelist")
    page = client.get(changelist)
    assert "رايان ديلون" in page.content.decode()
    client.post(changelist, {"action": "accept_selected",
                             "_selected_action": [article.speaker_proposals.get().pk]})
    assert Speaker.objects.filter(name="رايان ديلون").exists()


def test_upload_preview_offers_a_proposed_speaker_and_one_tick_accepts_it(gazetteer, client):
    from tests.test_admin_upload import confirm, upload

    client.force_login(User.objects.create_superuser("boss", "b@example.org", "x"))
    preview = upload(client, [("dillon.txt", COALITION.encode())])
    html = preview.content.decode()
    assert "رايان ديلون" in html and 'name="d0-accept_speaker"' in html
    confirm(client, preview, **{"d0-accept_speaker": ["0"]})
    article = Article.objects.get()
    speaker = Speaker.objects.get(name="رايان ديلون")
    assert article.speakers.filter(pk=speaker.pk).exists()
    assert article.speaker_proposals.get().status == "accepted"


def test_upload_preview_without_the_tick_leaves_a_proposal(gazetteer, client):
    from tests.test_admin_upload import confirm, upload

    client.force_login(User.objects.create_superuser("boss", "b@example.org", "x"))
    confirm(client, upload(client, [("dillon.txt", COALITION.encode())]))
    article = Article.objects.get()
    assert not Speaker.objects.filter(name="رايان ديلون").exists()
    assert article.speaker_proposals.get().status == "pending"


def test_choosing_a_known_speaker_in_the_admin_form_merges_the_proposal(gazetteer, tmp_path, client):
    article = import_text(tmp_path, "a.txt", COALITION)
    proposal = article.speaker_proposals.get()
    dillon = Speaker.objects.get(name="ريان ديلون")
    client.force_login(User.objects.create_superuser("boss", "b@example.org", "x"))
    client.post(reverse("admin:archive_speakerproposal_change", args=[proposal.pk]),
                {"speaker": dillon.pk, "_save": "1"})
    proposal.refresh_from_db()
    assert proposal.status == "merged" and proposal.speaker == dillon
    assert article.speakers.filter(pk=dillon.pk).exists()


def test_rejecting_leaves_no_speaker(gazetteer, tmp_path):
    from archive import proposals

    article = import_text(tmp_path, "a.txt", COALITION)
    proposals.reject(article.speaker_proposals.get())
    assert article.speaker_proposals.get().status == "rejected"
    assert not Speaker.objects.filter(name="رايان ديلون").exists()


def test_retagging_proposes_the_people_quoted_once(db):
    from archive.tagging import retag_articles

    article = Article.objects.create(title="الضربات", body=COALITION)
    retag_articles(Article.objects.all())
    retag_articles(Article.objects.all())
    assert [p.name for p in article.speaker_proposals.all()] == ["رايان ديلون"]


def test_a_role_that_runs_to_the_end_of_the_text_reads_no_name():
    # "لكن مدرب أكد الفريق أن …": a role word, a verb, and the role's words
    # run on to the last word; there is no name to read after them (this
    # raised IndexError and stopped a million-article import).
    from archive.tagging import tag
    from archive.alias_index import AliasIndex

    text = "مع الفريق، لكن مدرب أكد الفريق أن الهداف الكرواتي باق مع الفريق."
    assert tag("", text, AliasIndex([])).proposals == []


_SPEAKER_WORDS = ["قال", "أكد", "وأضاف", "المتحدث", "باسم", "العقيد", "اللواء", "وزير", "الخارجية", "رئيس",
                  "مدرب", "الفريق", "قائد", "الشرطة", "إن", "أن", "،", ".", ":", "\"", "«", "»", "علي", "على",
                  "محمد", "الأسد", "ترامب", "بحسب", "عن", "نقلت", "وكالة", "صاحب", "السمو", "الملكي", "الأمير"]


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SPEAKER_WORDS), min_size=1, max_size=14))
def test_the_speaker_reader_never_fails_on_any_run_of_its_own_words(words):
    # Titles, ranks, verbs and punctuation in every order and at every end of
    # a text: whatever it finds, the reader must not raise.
    from archive.tagging import tag
    from archive.alias_index import AliasIndex

    tag("", " ".join(words), AliasIndex([]))
