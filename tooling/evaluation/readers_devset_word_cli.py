"""Write the Word development material: both batches of
``readers_devset_word`` (habits 1–12) and ``readers_devset_word_second``
(habits 13–16), from the corpus folder given.

    .venv/bin/python -m tooling.evaluation.readers_devset_word_cli write ../shared/corpus data/devset-word

(Its own module so that neither batch's module imports the other's.)
"""
import argparse

from . import readers_devset_word as first
from .readers_devset_word_second import write_second


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cmd", choices=("write",))
    parser.add_argument("corpus", help="the folder holding articles.jsonl.gz and articles-b.jsonl.gz")
    parser.add_argument("out")
    args = parser.parse_args()
    first.CORPUS = args.corpus
    first.write_first(args.out)
    write_second(args.out, first.sample)  # the first batch's sample, which reads the corpus given


if __name__ == "__main__":
    main()
