"""What search sees of an article: declared for haystack's commands.

The fields themselves are built by ``archive.search.indexing.document_for`` and
the schema by ``archive.search.backend``; this class registers the model so
``rebuild_index`` and ``update_index`` know what to index.
"""
from haystack import indexes

from archive.models import Article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.listed().with_relations()

    def get_updated_field(self):
        return "updated"
