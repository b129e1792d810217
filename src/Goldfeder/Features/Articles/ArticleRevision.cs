using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles;

/// <summary>An article as one save left it. Every save adds one; restoring one is another save.</summary>
public class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public required string Lead { get; set; }
    public required string BodyMarkdown { get; set; }
    public string Author { get; set; } = "";

    /// <summary>The meta description the editor wrote (empty: taken from the lead).</summary>
    public string Description { get; set; } = "";
    public ArticleStatus Status { get; set; }
    public DateTime PublishedAtUtc { get; set; }
}

internal sealed class FormerSlugConfiguration : IEntityTypeConfiguration<FormerSlug>
{
    public const string Table = "FormerSlugs";

    public void Configure(EntityTypeBuilder<FormerSlug> f)
    {
        f.ToTable(Table);
        f.HasKey(x => x.Slug);
        f.Property(x => x.Slug).HasMaxLength(200);
        f.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public const string Table = "ArticleRevisions";

    public void Configure(EntityTypeBuilder<ArticleRevision> r)
    {
        r.ToTable(Table);
        r.Property(x => x.SavedBy).HasMaxLength(320);
        r.Property(x => x.Title).HasMaxLength(300);
        r.Property(x => x.Slug).HasMaxLength(200);
        r.Property(x => x.Lead).HasMaxLength(2000);
        r.Property(x => x.Author).HasMaxLength(200);
        r.Property(x => x.Description).HasMaxLength(ArticleMeta.MaxDescription);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        r.HasIndex(x => new { x.ArticleId, x.SavedAtUtc });
        r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
