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

    /// <summary>The headline as written, for the snippet's title.</summary>
    public required string Title { get; set; }

    /// <summary>Lead, body as plain text, topics and author, as written: the snippet's source.</summary>
    public required string Text { get; set; }

    /// <summary>The headline's Snowball stems, separated by spaces: what the in-process <see cref="SearchIndex"/> reads.</summary>
    public required string TitleTerms { get; set; }

    /// <summary>The stems of headline and text, separated by spaces.</summary>
    public required string Terms { get; set; }

    /// <summary>The article's <see cref="Article.UpdatedAtUtc"/> when indexed: an older one is indexed again at start; the document's version for <see cref="SearchIndexSync"/>.</summary>
    public DateTime ArticleUpdatedAtUtc { get; set; }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public const string Table = "SearchDocuments";

    public void Configure(EntityTypeBuilder<SearchDocument> d)
    {
        d.ToTable(Table);
        d.HasKey(x => x.ArticleId);
        d.Property(x => x.ArticleId).ValueGeneratedNever();
        d.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
