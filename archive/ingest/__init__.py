"""Importing articles: saved pages, Word files, web pages, JSON lines and zips of them.

The admin upload and ``manage.py import_articles`` share one pipeline
(``archive.ingest.pipeline``): ``read`` what a file holds, ``prepare`` each
draft (tags, dateline, duplicates), ``save`` it whole or not at all.
"""
from .draft import Draft, Failure, IngestError
from .pipeline import content_hash, iter_read, prepare, read, save

__all__ = ["Draft", "Failure", "IngestError", "content_hash", "iter_read", "prepare", "read", "save"]
