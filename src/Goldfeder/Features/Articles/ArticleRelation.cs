using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles;

/// <summary>An editor's pick for "Wissenswertes zum Thema", in the editor's order.</summary>
public class ArticleRelation
{
    public int ArticleId { get; set; }
    public int RelatedArticleId { get; set; }
    public int Position { get; set; }
    public Article? RelatedArticle { get; set; }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public const string Table = "Articles";

    public void Configure(EntityTypeBuilder<Article> a)
    {
        a.ToTable(Table);
        a.Property(x => x.Slug).HasMaxLength(200);
        a.HasIndex(x => x.Slug).IsUnique();
        a.Property(x => x.Title).HasMaxLength(300);
        a.Property(x => x.Lead).HasMaxLength(2000);
        a.Property(x => x.Author).HasMaxLength(200);
        a.Property(x => x.Description).HasMaxLength(ArticleMeta.MaxDescription);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.HasIndex(x => new { x.Status, x.PublishedAtUtc });
        // The newest change, asked before every search by each instance's in-process index (one step down this index),
        // and every article's state, read by its poll without touching the rows (covering on SQLite).
        a.HasIndex(x => new { x.UpdatedAtUtc, x.Status, x.PublishedAtUtc });
        a.HasMany(x => x.Related).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRelationConfiguration : IEntityTypeConfiguration<ArticleRelation>
{
    public const string Table = "ArticleRelations";

    public void Configure(EntityTypeBuilder<ArticleRelation> r)
    {
        r.ToTable(Table);
        r.HasKey(x => new { x.ArticleId, x.RelatedArticleId });
        r.HasOne(x => x.RelatedArticle).WithMany().HasForeignKey(x => x.RelatedArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
