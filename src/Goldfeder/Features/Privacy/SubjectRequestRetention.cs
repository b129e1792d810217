using System.Linq.Expressions;
using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// Deletes requests closed more than <see cref="KeepYears"/> years ago. Why three: the log proves that requests were
/// answered (Art. 5(2) GDPR); a fine for a missed answer becomes time-barred after three years (§ 41 BDSG with § 31
/// Abs. 2 Nr. 1 OWiG), and a civil claim under Art. 82 after the regular three years (§ 195 BGB). Open requests are
/// never deleted. One instance at a time (lease <c>privacy.request-retention</c>); the delete is one statement whose
/// condition the database checks per row, so an officer who reopens a request at that moment keeps it.
/// </summary>
public sealed class SubjectRequestRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SubjectRequestRetention> log) : BackgroundService
{
    public const int KeepYears = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(Interval, clock, log, "Deleting old data-subject requests", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<GoldfederDb>().TryTakeLeaseAsync("privacy.request-retention", Interval * 3, clock, ct)) return;
            var deleted = await DeleteExpiredAsync(ct);
            if (deleted > 0) log.LogInformation("Deleted {Count} data-subject requests at the end of their retention period", deleted);
        }, stoppingToken);

    /// <summary>Closed before the cutoff (the Berlin day <see cref="KeepYears"/> years ago).</summary>
    public static Expression<Func<SubjectRequest, bool>> Due(DateOnly today)
    {
        var cutoff = today.AddYears(-KeepYears);
        return r => r.Status != SubjectRequestStatus.Open && r.ClosedOn < cutoff;
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.SubjectRequests.Where(Due(RequestDeadline.Today(clock))).ExecuteDeleteAsync(ct);
        if (deleted == 0) return 0;
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("system", "subject-request.retention-delete",
            GermanCount.Of(deleted, "Anfrage", "Anfragen"), after: $"{KeepYears} Jahre nach Abschluss gelöscht", ct: ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}
