namespace Goldfeder.Features.Careers;

/// <summary>One person's application for one posting. Deleted with its files when its retention period ends.</summary>
public class Application
{
    public int Id { get; set; }
    public int JobPostingId { get; set; }
    public JobPosting? JobPosting { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string Message { get; set; } = "";

    public ApplicationStatus Status { get; set; }

    /// <summary>HR's own notes; personal data, deleted with the application.</summary>
    public string Notes { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When it was rejected or the person hired; a rejection starts the retention period.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>When the applicant ticked the privacy notice (required to apply).</summary>
    public DateTime PrivacyNoticeAcceptedAtUtc { get; set; }

    /// <summary>The confirmation mail and HR's notification in the outbox: they name the applicant, so retention deletes them too.</summary>
    public long? ConfirmationMailId { get; set; }
    public long? NotificationMailId { get; set; }

    public List<ApplicationFile> Files { get; set; } = [];
}
