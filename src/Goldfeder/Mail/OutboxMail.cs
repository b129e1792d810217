using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Mail;

/// <summary>
/// A mail committed in the same transaction as the change that caused it (transactional outbox), so a signup and its
/// confirmation mail exist together or not at all. <see cref="OutboxSender"/> delivers it.
/// </summary>
public class OutboxMail
{
    public long Id { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }

    /// <summary>The finished MIME message, or empty for a mail rendered when sent (<see cref="Kind"/>). Emptied once sent: it may hold a secret link.</summary>
    public byte[] Message { get; set; } = [];

    /// <summary>For a mail rendered when it is sent: which <see cref="IOutboxLetter"/> renders it, from <see cref="Data"/>. Data is emptied once sent.</summary>
    public string? Kind { get; set; }
    public string? Data { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the mail is next due. A sender claims a mail by moving this past its lease, so a crashed sender's mail becomes due again by itself.</summary>
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public const string Table = "OutboxMails";

    public void Configure(EntityTypeBuilder<OutboxMail> m)
    {
        m.ToTable(Table);
        m.Property(x => x.Recipient).HasMaxLength(320);
        m.Property(x => x.Subject).HasMaxLength(300);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        m.Property(x => x.LastError).HasMaxLength(1000);
        m.Property(x => x.Kind).HasMaxLength(50);
        m.Property(x => x.Data).HasMaxLength(2000);
        m.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
        m.HasIndex(x => x.Recipient);
    }
}
