using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Deletes applications with everything that names the applicant: files first, then in one transaction the file rows,
/// HR's answers, the outbox mails and the application, with one audit entry holding the count and the ids, nothing personal.
/// Files first, so a failure half-way leaves rows without files (deleted on the next try), never files without rows.
/// Used by <see cref="ApplicationRetention"/>, by HR for an early erasure request, and by the data-protection officer's
/// erasure (<see cref="CareersPersonalData"/>).
/// </summary>
public sealed class ApplicationDeletion(GoldfederDb db, IFileStore store, AuditLog audit)
{
    public async Task<int> DeleteAsync(IReadOnlyCollection<int> ids, string actor, string action, string subject, CancellationToken ct)
    {
        var doomed = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ConfirmationMailId, a.NotificationMailId, Files = a.Files.Select(f => f.StoredName).ToList() })
            .ToListAsync(ct);
        if (doomed.Count == 0) return 0;

        foreach (var name in doomed.SelectMany(a => a.Files)) await store.DeleteAsync(name, ct);

        var found = doomed.Select(a => a.Id).ToList();
        var replyMailIds = await db.ApplicationReplies.Where(r => found.Contains(r.ApplicationId)).Select(r => r.MailId).ToListAsync(ct);
        var mailIds = doomed.SelectMany(a => new[] { a.ConfirmationMailId, a.NotificationMailId }).Concat(replyMailIds).OfType<long>().ToList();
        // Inside an erasure (Newsletter's ConsentLedger) the caller's transaction is used; alone, one of our own.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.ApplicationFiles.Where(f => found.Contains(f.ApplicationId)).ExecuteDeleteAsync(ct);
        await db.ApplicationReplies.Where(r => found.Contains(r.ApplicationId)).ExecuteDeleteAsync(ct);
        await Outbox.DeleteAsync(db, mailIds, ct);
        var deleted = await db.Applications.Where(a => found.Contains(a.Id)).ExecuteDeleteAsync(ct);
        // The audit log saves with this scope's DbContext, so the entry commits in this transaction.
        await audit.RecordAsync(actor, action, subject, after: JsonSerializer.Serialize(new { count = deleted, applicationIds = found }), ct: ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return deleted;
    }
}
