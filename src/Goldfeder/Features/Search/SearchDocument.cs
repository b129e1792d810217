using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Search;

/// <summary>
/// What search knows of one article, written in the article's save transaction (<see cref="SearchIndexer"/>). Every
/// article has one, whatever its status: whether it may be found is decided at query time from the article's own
/// status, so a scheduled article appears the moment the scheduler publishes it and never before.
/// </summary>
public class SearchDocument
{
    public int ArticleId { get; set; }

    /// <summary>The headline as written, for the snippet's title and PostgreSQL's <c>german</c> vector (weight A).</summary>
    public required string Title { get; set; }

    /// <summary>Lead, body as plain text, topics and author, as written: the snippet's source and PostgreSQL's vector.</summary>
    public required string Text { get; set; }

    /// <summary>The headline's Snowball stems, read by SQLite's FTS5 table (kept in step by triggers).</summary>
    public required string TitleTerms { get; set; }

    /// <summary>The text's Snowball stems, read by SQLite's FTS5 table.</summary>
    public required string Terms { get; set; }

    /// <summary>The article's <see cref="Article.UpdatedAtUtc"/> when indexed: an older one is indexed again at start.</summary>
    public DateTime ArticleUpdatedAtUtc { get; set; }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public const string Table = "SearchDocuments";

    /// <summary>
    /// Outside the EF model, made by the migrations: SQLite's FTS5 table over this one (external content, triggers) and
    /// PostgreSQL's generated <c>tsvector</c> columns (all text, headline alone) with their GIN indexes. Lower-case, so they need no quotes.
    /// </summary>
    public const string Fts5Table = "search_terms";
    public const string VectorColumn = "search_vector";
    public const string TitleVectorColumn = "search_title";

    public void Configure(EntityTypeBuilder<SearchDocument> d)
    {
        d.ToTable(Table);
        d.HasKey(x => x.ArticleId);
        d.Property(x => x.ArticleId).ValueGeneratedNever();
        d.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
