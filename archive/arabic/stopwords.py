"""Function words the broad index leaves out."""
from __future__ import annotations

from archive.arabic.normalise import fold


# Written as a reader types them; folded below, so أن, إن and ان are one entry.
# Function words only. Nouns (قوات, دولة, عام), names, numbers and words that
# fold into a name are deliberately absent: امام (also إمام, imam), خلف (the
# name Khalaf), والي (governor), متى (the name Matti), كم (also km), لي (the name
# Li) are all left in the index.
_STOPWORDS_TYPED = """
من إلى الى عن في مع بين حتى منذ مذ عند لدى دون نحو حول خلال ضد ضمن قبل بعد
فوق تحت سوى تجاه حيال مثل
منه منها منهم منهما منا عنه عنها عنهم فيه فيها فيهم فيما به بها بهم بما
له لها لهم لنا عليه عليها عليهم علينا إليه إليها إليهم معه معها معهم معنا
لديه لديها لديهم بينهم بينهما
هو هي هم هما هن أنا نحن أنت أنتم
هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك تلك ذاك أولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي
و ف ثم أو أم بل لكن لكنه لكنها ولكن إذ إذا إذن لو لولا كي لكي
أن إن أنه أنها أنهم إنه إنها بأن لأن كأن كما كذلك لذلك لذا
بينما عندما حيث حين حينما إلا ألا أما إما لما مما عما ممن كلما
لا لم لن ليس ليست ما ماذا لماذا هل قد لقد سوف كيف أين
كان كانت كانوا يكون تكون
كل بعض غير أي أيضا فقط جدا الآن
وفي ومن وهو وهي وهم وقد ولم ولا وأن وإن وكان وكانت وهذا وهذه وذلك وما
ومع وعن وبين فإن فقد فلا فهو فهي
"""

#: Arabic function words, in :func:`fold`-ed form.
STOPWORDS: frozenset[str] = frozenset(fold(w) for w in _STOPWORDS_TYPED.split())

#: Stop words recognised only as typed (after strip_marks, before folding):
#: على ("on") folds to علي, which is also the name Ali. Lucene sidesteps this by
#: removing stop words before normalising; we do the same for just these words,
#: so على is dropped but علي السيستاني keeps its علي.
STOPWORDS_AS_TYPED: frozenset[str] = frozenset({"على", "وعلى"})

assert not (STOPWORDS & {fold(w) for w in STOPWORDS_AS_TYPED})


def is_stopword(folded: str, typed: str | None = None) -> bool:
    """Is this (folded) word a function word the broad index leaves out?

    ``typed`` is the word after :func:`strip_marks` but before the letter folds;
    when given, it is also checked against :data:`STOPWORDS_AS_TYPED`.
    """
    if folded in STOPWORDS:
        return True
    return typed is not None and typed in STOPWORDS_AS_TYPED
