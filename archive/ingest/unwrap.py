"""A text dump wrapped at a fixed width (a terminal browser's, an e-mail's), with its paragraphs joined again."""
from .lines import ends_sentence


# A text dump wrapped at a fixed width: most lines end within this many
# characters of the widest, and the widest is no longer than a terminal's.
WRAP_SLACK = 20
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 50
WRAP_MIN_LINES = 6


def unwrap(text: str) -> str:
    """A text wrapped at a fixed width (a terminal browser's dump, an e-mail)
    with its paragraphs joined again. A wrapped paragraph is a block between
    blank lines whose lines fill the width but the last, which ends a
    sentence; headers, lists and short lines are left as they are, and so is
    a text with fewer than ``WRAP_MIN_LINES`` lines in such blocks."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lengths = sorted(len(line.strip()) for line in raw if line.strip())
    if len(lengths) < WRAP_MIN_LINES:
        return text
    width = lengths[int(len(lengths) * 0.9) - 1]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return text
    blocks, block = [], []
    for line in [*raw, ""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            blocks.append(block)
            block = []

    def wrapped(b):
        # Wrapped lines break mid-sentence: lines that each end a sentence are a list or a poem.
        return (len(b) >= 2 and ends_sentence(b[-1]) and all(width - WRAP_SLACK <= len(x) <= width + 5 for x in b[:-1])
                and sum(1 for x in b[:-1] if ends_sentence(x)) <= len(b[:-1]) * 0.2)

    if sum(len(b) for b in blocks if wrapped(b)) < WRAP_MIN_LINES:
        return text
    return "\n\n".join(" ".join(b) if wrapped(b) else "\n".join(b) for b in blocks)
