using Goldfeder.Data;
using Goldfeder.Features.Articles;

namespace Goldfeder.Features.Search;

/// <summary>
/// Search's hand-written statements, SQLite and PostgreSQL side by side. Raw because EF Core can say neither FTS5's
/// MATCH nor a <c>tsvector</c> outside the model. Each side asks its own engine for a set of article ids: SQLite's FTS5
/// table of Snowball stems (<see cref="SearchDocumentConfiguration.Fts5Table"/>), PostgreSQL's <c>german</c> vectors
/// with their GIN indexes (<see cref="SearchDocumentConfiguration.VectorColumn"/>, <see cref="SearchDocumentConfiguration.TitleVectorColumn"/>).
/// Only published articles count, decided here from the article's own status, never from the index.
/// <para>
/// Why the shape: measured on 10,000 articles (bench/search.sh), joining the hits to the articles' rows cost 300 ms for
/// a word most articles contain (SQLite ran the full-text query once per article; PostgreSQL read every hit's big
/// vector to sort headline hits first). Here the engine yields a set of ids once, and the articles are walked through
/// the (Status, PublishedAtUtc) index newest first, so a walk stops at its limit. A search runs two such walks, the
/// headline hits and all hits (up to the count's cap), and orders, counts and pages them in C#: sorting every hit with
/// the headline hits first in one statement cost four times as much (8 ms for "Gold" in SQLite).
/// </para>
/// </summary>
internal static class SearchSql
{
    private const string Documents = SearchDocumentConfiguration.Table;
    private const string Articles = ArticleConfiguration.Table;
    private const string Fts = SearchDocumentConfiguration.Fts5Table;
    private const string Vector = SearchDocumentConfiguration.VectorColumn;
    private const string TitleVector = SearchDocumentConfiguration.TitleVectorColumn;
    private const string Id = nameof(Article.Id);
    private const string Status = nameof(Article.Status);
    private const string PublishedAt = nameof(Article.PublishedAtUtc);
    private const string ArticleId = nameof(SearchDocument.ArticleId);

    // The ids an engine finds for a query parameter. SQLite's FTS5 query names its column itself ("TitleTerms : (…)").
    // The comment says what the FTS5 table indexes; HandWrittenSqlTests check those names against the model on both sides.
    private static string SqliteSet(int parameter) =>
        $$"""(SELECT rowid FROM {{Fts}} /* FTS5 over "{{Documents}}", rowid = "{{ArticleId}}" */ WHERE {{Fts}} MATCH {{{parameter}}})""";

    private static string PostgresSet(string vector, int parameter) =>
        $$"""(SELECT d."{{ArticleId}}" FROM "{{Documents}}" d WHERE d.{{vector}} @@ to_tsquery('german', {{{parameter}}}))""";

    /// <summary>
    /// search-count: how many published articles match, counted up to a cap.
    /// {0} the query (FTS5 / tsquery), {1} status Published, {2} the cap.
    /// </summary>
    public static readonly SqlStatement Count = new(
        Sqlite: $$"""
            SELECT COUNT(*) AS "Value" FROM (SELECT a."{{Id}}" FROM "{{Articles}}" a
                WHERE a."{{Status}}" = {1} AND a."{{Id}}" IN {{SqliteSet(0)}} LIMIT {2}) AS hits
            """,
        Postgres: $$"""
            SELECT COUNT(*)::int AS "Value" FROM (SELECT a."{{Id}}" FROM "{{Articles}}" a
                WHERE a."{{Status}}" = {1} AND a."{{Id}}" IN {{PostgresSet(Vector, 0)}} LIMIT {2}) AS hits
            """);

    /// <summary>
    /// search-hits: the published articles that match, newest first, ties by id, at most a limit. The index on
    /// (Status, PublishedAtUtc) is walked newest first, so the walk stops at the limit. {0} the query, {1} status Published, {2} the limit.
    /// </summary>
    public static readonly SqlStatement Hits = new(
        Sqlite: $$"""
            SELECT a."{{Id}}" AS "Value" FROM "{{Articles}}" a WHERE a."{{Status}}" = {1} AND a."{{Id}}" IN {{SqliteSet(0)}}
            ORDER BY a."{{PublishedAt}}" DESC, a."{{Id}}" DESC LIMIT {2}
            """,
        Postgres: $$"""
            SELECT a."{{Id}}" AS "Value" FROM "{{Articles}}" a WHERE a."{{Status}}" = {1} AND a."{{Id}}" IN {{PostgresSet(Vector, 0)}}
            ORDER BY a."{{PublishedAt}}" DESC, a."{{Id}}" DESC LIMIT {2}
            """);

    /// <summary>search-headline-hits: as <see cref="Hits"/>, for the articles that match in the headline. {0} the headline query, {1} status Published, {2} the limit.</summary>
    public static readonly SqlStatement HeadlineHits = new(
        Sqlite: Hits.Sqlite,
        Postgres: Hits.Postgres.Replace($"d.{Vector} @@", $"d.{TitleVector} @@"));
}
