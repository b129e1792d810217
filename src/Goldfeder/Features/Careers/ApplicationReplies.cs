using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>
/// HR answers an applicant from the inbox: a template filled in and edited, sent through the outbox with the posting's
/// contact as Reply-To, and kept with the application. An invitation moves the application to "Eingeladen", a
/// rejection to "Abgesagt" (which starts the retention period).
/// </summary>
public sealed class ApplicationReplies(GoldfederDb db, CareersMails mails, Outbox outbox, ApplicationReview review, TimeProvider clock)
{
    public async Task<ReplyTemplate> TemplateAsync(ReplyKind kind, CancellationToken ct) =>
        await db.ReplyTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct) ?? ReplyTemplate.Default(kind);

    /// <summary>The contact as the template's {Ansprechperson} names them.</summary>
    public static string ContactOf(JobPosting posting) => posting.ContactName.Length > 0 ? posting.ContactName : "unsere Personalabteilung";

    /// <summary>A German reason when the answer cannot be sent as written, else null.</summary>
    public static string? Problem(string subject, string body) =>
        subject.Length == 0 ? "Bitte geben Sie einen Betreff ein."
        : subject.Length > ReplyTemplate.MaxSubject ? $"Der Betreff darf höchstens {ReplyTemplate.MaxSubject} Zeichen haben."
        : subject.Contains('\n') || subject.Contains('\r') ? "Der Betreff muss in eine Zeile passen."
        : body.Length == 0 ? "Bitte schreiben Sie einen Text."
        : body.Length > ReplyTemplate.MaxBody ? $"Der Text darf höchstens {ReplyTemplate.MaxBody:N0} Zeichen haben."
        : null;

    /// <summary>Queues the answer; false when there is no such application.</summary>
    public async Task<bool> SendAsync(int applicationId, ReplyKind kind, string subject, string body, string sentBy, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.JobPosting).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application?.JobPosting is null) return false;
        var prepared = Outbox.Prepare(mails.Reply(application.Name, application.Email, application.JobPosting, subject, body), clock);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        outbox.Add(prepared);
        await db.SaveChangesAsync(ct);
        db.ApplicationReplies.Add(new ApplicationReply
        {
            ApplicationId = applicationId, Kind = kind, Subject = subject, Body = body,
            SentAtUtc = clock.GetUtcNow().UtcDateTime, SentBy = sentBy, MailId = prepared.Id,
        });
        await db.SaveChangesAsync(ct);
        ApplicationStatus? next = kind switch { ReplyKind.Invitation => ApplicationStatus.Invited, ReplyKind.Rejection => ApplicationStatus.Rejected, _ => null };
        if (next is { } status && application.Status != status) await review.UpdateAsync(applicationId, status, application.Notes, ct);
        await tx.CommitAsync(ct);
        outbox.Wake();
        return true;
    }
}
