using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Common.Shared;

/// <summary>
/// One output-cache eviction (a tag) made by any process on this database: the site, another instance, an operator
/// command. Every instance follows these rows (<see cref="EvictionFollower"/>) and evicts its own cache.
/// </summary>
public class CacheEviction
{
    public long Id { get; set; }
    public required string Tag { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class CacheEvictionConfiguration : IEntityTypeConfiguration<CacheEviction>
{
    public const string Table = "CacheEvictions";

    public void Configure(EntityTypeBuilder<CacheEviction> e)
    {
        e.ToTable(Table);
        e.Property(x => x.Tag).HasMaxLength(200);
        e.HasIndex(x => x.AtUtc);
    }
}

public static class CacheEvictionTables
{
    extension(GoldfederDb db)
    {
        public DbSet<CacheEviction> CacheEvictions => db.Set<CacheEviction>();
    }
}
