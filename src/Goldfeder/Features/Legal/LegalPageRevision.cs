using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Legal;

/// <summary>A legal page as one save left it; every save adds one, so what the site said on a given day can be shown.</summary>
public class LegalPageRevision
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Markdown { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
}

internal sealed class LegalPageRevisionConfiguration : IEntityTypeConfiguration<LegalPageRevision>
{
    public const string Table = "LegalPageRevisions";

    public void Configure(EntityTypeBuilder<LegalPageRevision> r)
    {
        r.ToTable(Table);
        r.Property(x => x.Slug).HasMaxLength(50);
        r.Property(x => x.Markdown).HasMaxLength(LegalPageSaver.MaxLength);
        r.Property(x => x.SavedBy).HasMaxLength(320);
        r.HasIndex(x => new { x.Slug, x.SavedAtUtc });
    }
}
