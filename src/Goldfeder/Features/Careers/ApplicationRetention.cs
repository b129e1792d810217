using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Deletes applications whose retention period is over: <see cref="CareersOptions.RetentionMonths"/> after the earliest of
/// their rejection, their posting's closing and their posting's end date. A rejected applicant has two months to claim
/// discrimination (AGG § 15 Abs. 4) and three more to sue (§ 61b ArbGG); after that the data has no purpose left
/// (GDPR Art. 5(1)(e), Art. 17(1)(a)). <see cref="ApplicationDeletion"/> does the deleting and the audit entry.
/// </summary>
public sealed class ApplicationRetention(
    IServiceScopeFactory scopes, IOptions<CareersOptions> options, TimeProvider clock, ILogger<ApplicationRetention> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(options.Value.RetentionInterval, clock, log, "Deleting expired applications", async ct =>
        {
            var deleted = await DeleteExpiredAsync(ct);
            if (deleted > 0) log.LogInformation("Deleted {Count} applications at the end of their retention period", deleted);
        }, stoppingToken);

    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetentionMonths);
        var expired = await db.Applications.AsNoTracking()
            .Where(a => (a.Status == ApplicationStatus.Rejected && a.ClosedAtUtc < cutoff)
                        || (a.JobPosting!.Status == PostingStatus.Closed && a.JobPosting.ClosedAtUtc < cutoff)
                        || a.JobPosting.ValidThroughUtc < cutoff)
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .Take(500)
            .ToListAsync(ct);
        if (expired.Count == 0) return 0;
        var deletion = scope.ServiceProvider.GetRequiredService<ApplicationDeletion>();
        return await deletion.DeleteAsync(expired, "system", "application.retention-delete",
            $"{expired.Count} Bewerbungen nach {options.Value.RetentionMonths} Monaten gelöscht", ct);
    }
}
