using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Deletes applications whose retention period is over: <see cref="CareersOptions.RetentionMonths"/> after the earliest of
/// their rejection, their posting's closing and their posting's end date. A rejected applicant has two months to claim
/// discrimination (AGG § 15 Abs. 4) and three more to sue (§ 61b ArbGG); after that the data has no purpose left
/// (GDPR Art. 5(1)(e), Art. 17(1)(a)). Files go first, then the rows with the mails that name the applicant, so a failure
/// half-way leaves rows without files (retried next pass), never files without rows. The audit log gets the count and
/// the application ids, nothing personal.
/// </summary>
public sealed class ApplicationRetention(
    IServiceScopeFactory scopes, IFileStore store, WriteGate writes, IOptions<CareersOptions> options, TimeProvider clock,
    ILogger<ApplicationRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0) log.LogInformation("Deleted {Count} applications at the end of their retention period", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Deleting expired applications failed; trying again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMonths(-options.Value.RetentionMonths);
        var expired = await db.Applications.AsNoTracking()
            .Where(a => (a.Status == ApplicationStatus.Rejected && a.ClosedAtUtc < cutoff)
                        || (a.JobPosting!.Status == PostingStatus.Closed && a.JobPosting.ClosedAtUtc < cutoff)
                        || a.JobPosting.ValidThroughUtc < cutoff)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ConfirmationMailId, a.NotificationMailId, Files = a.Files.Select(f => f.StoredName).ToList() })
            .Take(500)
            .ToListAsync(ct);
        if (expired.Count == 0) return 0;

        foreach (var name in expired.SelectMany(a => a.Files)) await store.DeleteAsync(name, ct);

        var ids = expired.Select(a => a.Id).ToList();
        var mailIds = expired.SelectMany(a => new[] { a.ConfirmationMailId, a.NotificationMailId }).OfType<long>().ToList();
        using (await writes.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.ApplicationFiles.Where(f => ids.Contains(f.ApplicationId)).ExecuteDeleteAsync(ct);
            await db.OutboxMails.Where(m => mailIds.Contains(m.Id)).ExecuteDeleteAsync(ct);
            var deleted = await db.Applications.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now, Actor = "system", Action = "application.retention-delete",
                Subject = $"{deleted} Bewerbungen nach {options.Value.RetentionMonths} Monaten gelöscht",
                After = JsonSerializer.Serialize(new { count = deleted, applicationIds = ids }),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return deleted;
        }
    }
}
