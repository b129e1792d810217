using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Careers;

/// <summary>An answer HR sent to an applicant, kept with the application and deleted with it (its outbox mail too).</summary>
public class ApplicationReply
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public ReplyKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime SentAtUtc { get; set; }
    public required string SentBy { get; set; }

    /// <summary>The mail in the outbox; it names the applicant, so deleting the application deletes it.</summary>
    public long? MailId { get; set; }
}

internal sealed class ApplicationReplyConfiguration : IEntityTypeConfiguration<ApplicationReply>
{
    public const string Table = "ApplicationReplies";

    public void Configure(EntityTypeBuilder<ApplicationReply> r)
    {
        r.ToTable(Table);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Subject).HasMaxLength(ReplyTemplate.MaxSubject);
        r.Property(x => x.Body).HasMaxLength(ReplyTemplate.MaxBody);
        r.Property(x => x.SentBy).HasMaxLength(320);
        r.HasIndex(x => x.ApplicationId);
        r.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
