using Goldfeder.Data;
using Goldfeder.Features.Articles;

namespace Goldfeder.Features.Search;

/// <summary>
/// Search's hand-written statements, SQLite and PostgreSQL side by side. Raw because EF Core can say neither FTS5's
/// MATCH nor a <c>tsvector</c> outside the model. Each side asks its own engine: SQLite's FTS5 table of Snowball stems
/// (<see cref="SearchDocumentConfiguration.Fts5Table"/>), PostgreSQL's <c>german</c> vector with its GIN index
/// (<see cref="SearchDocumentConfiguration.VectorColumn"/>). Only published articles count, decided here from the
/// article's own status, never from the index.
/// </summary>
internal static class SearchSql
{
    private const string Documents = SearchDocumentConfiguration.Table;
    private const string Articles = ArticleConfiguration.Table;
    private const string Fts = SearchDocumentConfiguration.Fts5Table;
    private const string Vector = SearchDocumentConfiguration.VectorColumn;

    private const string SqliteFrom = $$"""
        FROM {{Fts}}
        JOIN "{{Documents}}" d ON d."{{nameof(SearchDocument.ArticleId)}}" = {{Fts}}.rowid
        JOIN "{{Articles}}" a ON a."{{nameof(Article.Id)}}" = d."{{nameof(SearchDocument.ArticleId)}}"
        WHERE {{Fts}} MATCH {0} AND a."{{nameof(Article.Status)}}" = {1}
        """;

    private const string PostgresFrom = $$"""
        FROM "{{Documents}}" d
        JOIN "{{Articles}}" a ON a."{{nameof(Article.Id)}}" = d."{{nameof(SearchDocument.ArticleId)}}"
        WHERE d.{{Vector}} @@ to_tsquery('german', {0}) AND a."{{nameof(Article.Status)}}" = {1}
        """;

    /// <summary>
    /// search-page: the ids of one page of hits, headline hits first, then newest first.
    /// {0} the query (FTS5 / tsquery), {1} status Published, {2} the query limited to the headline, {3} limit, {4} offset.
    /// </summary>
    public static readonly SqlStatement Page = new(
        Sqlite: $$"""
            SELECT d."{{nameof(SearchDocument.ArticleId)}}" AS "Value"
            {{SqliteFrom}}
            ORDER BY {{Fts}}.rowid IN (SELECT rowid FROM {{Fts}} WHERE {{Fts}} MATCH {2}) DESC,
                a."{{nameof(Article.PublishedAtUtc)}}" DESC, a."{{nameof(Article.Id)}}" DESC
            LIMIT {3} OFFSET {4}
            """,
        Postgres: $$"""
            SELECT d."{{nameof(SearchDocument.ArticleId)}}" AS "Value"
            {{PostgresFrom}}
            ORDER BY d.{{Vector}} @@ to_tsquery('german', {2}) DESC,
                a."{{nameof(Article.PublishedAtUtc)}}" DESC, a."{{nameof(Article.Id)}}" DESC
            LIMIT {3} OFFSET {4}
            """);

    /// <summary>search-count: how many published articles match. {0} the query, {1} status Published.</summary>
    public static readonly SqlStatement Count = new(
        Sqlite: $"""SELECT COUNT(*) AS "Value" {SqliteFrom}""",
        Postgres: $"""SELECT COUNT(*)::int AS "Value" {PostgresFrom}""");
}
