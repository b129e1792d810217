using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles;

/// <summary>
/// What the author page shows about a byline beyond its articles: a short bio and a photo. Bylines stay the text
/// editors type (no accounts); a profile belongs to the byline's slug, so "Max Muster" is described once for
/// <c>/autor/max-muster</c>.
/// </summary>
public class AuthorProfile
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Bio { get; set; } = "";
    public int? PhotoImageId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public const int MaxBio = 600;
}

internal sealed class AuthorProfileConfiguration : IEntityTypeConfiguration<AuthorProfile>
{
    public const string Table = "AuthorProfiles";

    public void Configure(EntityTypeBuilder<AuthorProfile> p)
    {
        p.ToTable(Table);
        p.HasKey(x => x.Slug);
        p.Property(x => x.Slug).HasMaxLength(200);
        p.Property(x => x.Name).HasMaxLength(200);
        p.Property(x => x.Bio).HasMaxLength(AuthorProfile.MaxBio);
        p.HasOne<Images.Image>().WithMany().HasForeignKey(x => x.PhotoImageId).OnDelete(DeleteBehavior.SetNull);
    }
}
