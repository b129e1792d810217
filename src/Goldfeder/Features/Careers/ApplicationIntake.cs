using System.Security.Cryptography;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Takes a checked application: its files into the <see cref="IFileStore"/> under random names first, then the
/// application, its file rows, the applicant's confirmation and HR's notification in one transaction (outbox). If the
/// transaction fails, the stored files are deleted again, so no file outlives a missing row. A file without a row (a
/// crash between the two) is harmless and never reachable: only rows lead to files.
/// </summary>
public sealed class ApplicationIntake(GoldfederDb db, Outbox outbox, IFileStore store, CareersMails mails, IOptions<CareersOptions> options, TimeProvider clock, ILogger<ApplicationIntake> log)
{
    public async Task<int> TakeAsync(JobPosting posting, ApplicationForm form, string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            JobPostingId = posting.Id,
            Name = form.Name,
            Email = form.Email,
            Phone = form.Phone.Length == 0 ? null : form.Phone,
            Message = form.Message,
            Status = ApplicationStatus.New,
            CreatedAtUtc = now,
            PrivacyNoticeAcceptedAtUtc = now,
        };
        var stored = new List<string>();
        try
        {
            foreach (var file in form.Files)
            {
                var name = RandomName();
                await using (var content = file.OpenReadStream()) await store.SaveAsync(name, content, ct);
                stored.Add(name);
                application.Files.Add(new ApplicationFile
                {
                    Id = Guid.NewGuid(),
                    StoredName = name,
                    OriginalName = UploadedFileName.Safe(file.FileName),
                    Size = file.Length,
                    ContentType = "application/pdf",
                    IsCv = ReferenceEquals(file, form.Cv),
                });
            }
            var confirmation = await ConfirmationAllowedAsync(form.Email, now, ct)
                ? Outbox.Prepare(mails.Confirmation(form.Name, form.Email, posting, stored.Count), clock) : null;
            var notification = Outbox.Prepare(mails.HrNotification(form.Name, form.Email, posting, $"{baseUrl}/admin/karriere/{posting.Id}/bewerbungen"), clock);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Applications.Add(application);
            if (confirmation is not null) outbox.Add(confirmation);
            outbox.Add(notification);
            await db.SaveChangesAsync(ct);
            application.ConfirmationMailId = confirmation?.Id;
            application.NotificationMailId = notification.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            foreach (var name in stored)
            {
                try { await store.DeleteAsync(name, CancellationToken.None); }
                catch (Exception e) { log.LogWarning(e, "Could not delete stored file {Name} of a failed application", name); }
            }
            throw;
        }
        outbox.Wake();
        CareersMetrics.ApplicationsReceived.Add(1);
        return application.Id;
    }

    /// <summary>Fewer than <see cref="CareersOptions.ConfirmationsPerAddressPerDay"/> confirmations went to the address in the last 24 hours.</summary>
    private async Task<bool> ConfirmationAllowedAsync(string email, DateTime now, CancellationToken ct)
    {
        var normalized = email.ToLowerInvariant();
        var dayAgo = now.AddDays(-1);
        var sent = await db.Applications.CountAsync(a => a.Email.ToLower() == normalized && a.CreatedAtUtc > dayAgo && a.ConfirmationMailId != null, ct);
        return sent < options.Value.ConfirmationsPerAddressPerDay;
    }

    /// <summary>128 random bits as hex: the file's name in the store, unrelated to anything the applicant sent.</summary>
    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
