using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Newsletter;

public class Subscriber
{
    public int Id { get; set; }

    /// <summary>As typed, trimmed, with the domain in its normalised (IDNA/punycode, lower-case) form. Mail goes here.</summary>
    public required string Email { get; set; }

    /// <summary><see cref="Email"/> in lower case: the key that finds duplicates however the address was capitalised.</summary>
    public required string NormalizedEmail { get; set; }

    public SubscriberStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }

    /// <summary>The consent text of the open request, or of the confirmed subscription.</summary>
    public int ConsentTextId { get; set; }

    /// <summary>SHA-256 of the open confirmation token; the token itself exists only in the mail.</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmTokenExpiresAtUtc { get; set; }
    public DateTime? ConfirmMailQueuedAtUtc { get; set; }

    /// <summary>No campaign reaches the subscriber before this time (a pause chosen in the preference center, or an unanswered re-permission).</summary>
    public DateTime? PausedUntilUtc { get; set; }

    /// <summary>When the open re-permission mail was sent; cleared by the answer or by the pause that follows silence.</summary>
    public DateTime? RepermissionAskedAtUtc { get; set; }
}

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public const string Table = "Subscribers";

    public void Configure(EntityTypeBuilder<Subscriber> s)
    {
        s.ToTable(Table);
        s.Property(x => x.Email).HasMaxLength(320);
        s.Property(x => x.NormalizedEmail).HasMaxLength(320);
        s.HasIndex(x => x.NormalizedEmail).IsUnique();
        s.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        s.HasIndex(x => new { x.Status, x.CreatedAtUtc });
        s.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        s.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        s.HasOne<ConsentText>().WithMany().HasForeignKey(x => x.ConsentTextId).OnDelete(DeleteBehavior.Restrict);
    }
}
