using System.Linq.Expressions;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Deletes applications whose retention period is over: <see cref="CareersOptions.RetentionMonths"/> after the earliest of
/// their rejection, their posting's closing and their posting's end date. A rejected applicant has two months to claim
/// discrimination (AGG § 15 Abs. 4) and three more to sue (§ 61b ArbGG); after that the data has no purpose left
/// (GDPR Art. 5(1)(e), Art. 17(1)(a)). <see cref="ApplicationDeletion"/> does the deleting and the audit entry.
/// On several instances one runs it at a time (a lease); and it never races HR: the rows still due are locked first
/// (a no-op UPDATE: a row lock on PostgreSQL, the write gate on SQLite) and deleted in that transaction, so an HR
/// change that got there first saves the application, and one that comes later finds it gone.
/// </summary>
public sealed class ApplicationRetention(
    IServiceScopeFactory scopes, IOptions<CareersOptions> options, TimeProvider clock, ILogger<ApplicationRetention> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(options.Value.RetentionInterval, clock, log, "Deleting expired applications", async ct =>
        {
            if (!await HoldLeaseAsync(ct)) return;
            var deleted = await DeleteExpiredAsync(ct);
            if (deleted > 0) log.LogInformation("Deleted {Count} applications at the end of their retention period", deleted);
        }, stoppingToken);

    private async Task<bool> HoldLeaseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoldfederDb>()
            .TryTakeLeaseAsync("careers.retention", options.Value.RetentionInterval * 3, clock, ct);
    }

    /// <summary>Past its period: rejected, or its posting closed or ended, before the cutoff.</summary>
    public static Expression<Func<Application, bool>> Due(DateTime cutoff) => a => (a.Status == ApplicationStatus.Rejected && a.ClosedAtUtc < cutoff)
        || (a.JobPosting!.Status == PostingStatus.Closed && a.JobPosting.ClosedAtUtc < cutoff)
        || a.JobPosting.ValidThroughUtc < cutoff;

    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var due = Due(clock.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetentionMonths));
        var candidates = await db.Applications.AsNoTracking().Where(due).OrderBy(a => a.Id).Select(a => a.Id).Take(500).ToListAsync(ct);
        if (candidates.Count == 0) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Applications.Where(a => candidates.Contains(a.Id)).Where(due).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, a => a.Status), ct);
        var expired = await db.Applications.AsNoTracking().Where(a => candidates.Contains(a.Id)).Where(due).Select(a => a.Id).ToListAsync(ct);
        if (expired.Count == 0) return 0;
        var deletion = scope.ServiceProvider.GetRequiredService<ApplicationDeletion>();
        var deleted = await deletion.DeleteAsync(expired, "system", "application.retention-delete",
            $"{expired.Count} Bewerbungen nach {options.Value.RetentionMonths} Monaten gelöscht", ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}
