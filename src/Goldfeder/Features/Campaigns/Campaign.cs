using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Campaigns;

public class Campaign
{
    public int Id { get; set; }
    public required string Subject { get; set; }

    /// <summary>The line mail programs show after the subject; hidden in the mail itself.</summary>
    public string? Preheader { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>Append a list of the articles published since the previous campaign started.</summary>
    public bool IncludeDigest { get; set; }

    public CampaignStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ScheduledForUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Why the sender paused the campaign by itself (a run of refusals); empty when a person paused it.</summary>
    public string? PauseReason { get; set; }

    /// <summary>The site's address for the withdrawal links, fixed when the send starts.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The rendered mail, frozen when the send starts (see <see cref="CampaignMail"/>), so a restart sends the same thing.</summary>
    public string? RenderedHtml { get; set; }
    public string? RenderedText { get; set; }

    /// <summary>The relay (<c>Mail:Relays</c> by name) this campaign goes out over; null: every relay, in order.</summary>
    public string? Relay { get; set; }

    public bool CanEdit => Status is CampaignStatus.Draft or CampaignStatus.Scheduled;
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public const string Table = "Campaigns";

    public void Configure(EntityTypeBuilder<Campaign> c)
    {
        c.ToTable(Table);
        c.Property(x => x.Subject).HasMaxLength(200);
        c.Property(x => x.Preheader).HasMaxLength(200);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.PauseReason).HasMaxLength(1000);
        c.Property(x => x.BaseUrl).HasMaxLength(300);
        c.Property(x => x.Relay).HasMaxLength(100);
        c.HasIndex(x => new { x.Status, x.ScheduledForUtc });
    }
}
