using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Campaigns;

/// <summary>An address a server refused for good (5xx). Every send skips it until an admin clears it.</summary>
public class Suppression
{
    /// <summary>The subscriber's normalised address.</summary>
    public required string NormalizedEmail { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int? CampaignId { get; set; }
}

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public const string Table = "Suppressions";

    public void Configure(EntityTypeBuilder<Suppression> s)
    {
        s.ToTable(Table);
        s.HasKey(x => x.NormalizedEmail);
        s.Property(x => x.NormalizedEmail).HasMaxLength(320);
        s.Property(x => x.Reason).HasMaxLength(1000);
    }
}
