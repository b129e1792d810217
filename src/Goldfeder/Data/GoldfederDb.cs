using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

/// <summary>The one DbContext. Each storage provider has a subclass so that each keeps its own migration set.</summary>
public abstract class GoldfederDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRelation> ArticleRelations => Set<ArticleRelation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GoldfederDb).Assembly);
    }
}
