"""Shared test fixtures: the demo archive (gazetteer + five seeds) with its own index."""
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
SEEDS = ROOT / "fixtures" / "seed_articles.json"


@pytest.fixture(autouse=True)
def search_index_dir(settings, tmp_path):
    """Every test gets an index of its own, so no test sees another's articles."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    return settings.SEARCH_INDEX_DIR


@pytest.fixture(autouse=True)
def fresh_alias_index():
    """A rolled-back test sends no signal: drop the gazetteer cache between tests."""
    from archive.gazetteer import invalidate_alias_index

    invalidate_alias_index()
    yield
    invalidate_alias_index()


@pytest.fixture
def seeded(db, search_index_dir):
    """The archive as `make run` serves it: gazetteer, five seed articles, index built."""
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), str(SEEDS), verbosity=0)
    indexing.rebuild()


def seed(prefix):
    """The seed article whose external id starts with ``prefix`` ("000" … "004")."""
    from archive.models import Article

    return Article.objects.get(external_id__startswith=prefix)
