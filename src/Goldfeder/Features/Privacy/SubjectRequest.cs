using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// One request a person made under GDPR Art. 15–21, as the data-protection officer logged it: when it came, what it asks,
/// who asks (as given), the deadline of Art. 12(3), and how it ended. Dates are Berlin calendar days.
/// </summary>
public class SubjectRequest
{
    public long Id { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public SubjectRequestKind Kind { get; set; }
    public RequestChannel Channel { get; set; }
    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }
    public string? Note { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>Why the deadline was extended by two months (Art. 12(3) sentence 2); null while it is not.</summary>
    public string? ExtensionReason { get; set; }

    public SubjectRequestStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }

    /// <summary>What was done (done) or why it was refused (rejected).</summary>
    public string? Outcome { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public bool IsOverdue(DateOnly today) => Status == SubjectRequestStatus.Open && DueOn < today;
}

public enum SubjectRequestKind { Access, Erasure, Rectification, Restriction, Objection, Portability }

public enum RequestChannel { Email, Post, Phone, Form }

public enum SubjectRequestStatus { Open, Done, Rejected }

internal sealed class SubjectRequestConfiguration : IEntityTypeConfiguration<SubjectRequest>
{
    public const string Table = "SubjectRequests";

    public void Configure(EntityTypeBuilder<SubjectRequest> r)
    {
        r.ToTable(Table);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.RequesterName).HasMaxLength(SubjectRequestForm.NameMax);
        r.Property(x => x.RequesterEmail).HasMaxLength(SubjectRequestForm.EmailMax);
        r.Property(x => x.Note).HasMaxLength(SubjectRequestForm.TextMax);
        r.Property(x => x.ExtensionReason).HasMaxLength(SubjectRequestForm.TextMax);
        r.Property(x => x.Outcome).HasMaxLength(SubjectRequestForm.TextMax);
        r.HasIndex(x => new { x.Status, x.DueOn });
    }
}
