using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles;

/// <summary>A keyword ("Schlagwort"); articles sharing one are related when the editor picked too few.</summary>
public class Tag : Topic;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public const string Table = "Categories";

    public void Configure(EntityTypeBuilder<Category> c)
    {
        c.ToTable(Table);
        c.Property(x => x.Name).HasMaxLength(100);
        c.Property(x => x.Slug).HasMaxLength(100);
        c.Property(x => x.Description).HasMaxLength(Topic.MaxDescription);
        c.HasIndex(x => x.Slug).IsUnique();
        c.HasMany(x => x.Articles).WithMany(a => a.Categories).UsingEntity(j => j.ToTable("ArticleCategories"));
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public const string Table = "Tags";

    public void Configure(EntityTypeBuilder<Tag> t)
    {
        t.ToTable(Table);
        t.Property(x => x.Name).HasMaxLength(100);
        t.Property(x => x.Slug).HasMaxLength(100);
        t.Property(x => x.Description).HasMaxLength(Topic.MaxDescription);
        t.HasIndex(x => x.Slug).IsUnique();
        t.HasMany(x => x.Articles).WithMany(a => a.Tags).UsingEntity(j => j.ToTable("ArticleTags"));
    }
}
