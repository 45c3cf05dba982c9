from rest_framework import serializers

from ikone.core.search.forms import QUERY_MAX_LENGTH


class SearchParamsSerializer(serializers.Serializer[dict[str, object]]):
    q = serializers.CharField(max_length=QUERY_MAX_LENGTH, allow_blank=True, required=False)
    art = serializers.CharField(max_length=40, allow_blank=True, required=False)
    page = serializers.IntegerField(min_value=1, max_value=50, required=False, default=1)


class SearchResultSerializer(serializers.Serializer[dict[str, object]]):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    title = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML: escaped text with <mark> around matches.")
    url = serializers.CharField()
    score = serializers.FloatField()


class SearchFacetSerializer(serializers.Serializer[dict[str, object]]):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # the field named "label"
    count = serializers.IntegerField()


class SearchAnswerSerializer(serializers.Serializer[dict[str, object]]):
    kind = serializers.CharField()
    title = serializers.CharField()
    source = serializers.CharField(  # type: ignore[assignment]  # the field named "source"
        help_text="Where the answer comes from, e.g. a call section."
    )
    context = serializers.CharField(allow_blank=True)  # type: ignore[assignment]  # the field
    sentence = serializers.CharField(help_text="HTML: the best sentence, matches in <mark>.")
    url = serializers.CharField()


class SearchPageSerializer(serializers.Serializer[dict[str, object]]):
    query = serializers.CharField()
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    facets = SearchFacetSerializer(many=True)
    answers = SearchAnswerSerializer(
        many=True, help_text="For a question: passages that answer it (first page only)."
    )
    results = SearchResultSerializer(many=True)
