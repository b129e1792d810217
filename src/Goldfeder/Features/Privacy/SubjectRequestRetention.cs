using System.Linq.Expressions;
using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// Deletes closed requests once the <see cref="KeepYears"/>th calendar year after their closing has ended (closed in
/// 2026: deleted from 1 January 2030). Why: the log proves that requests were answered (Art. 5(2) GDPR); a civil claim
/// under Art. 82 is time-barred after the regular three years, counted from the end of the year (§§ 195, 199 BGB), and a
/// fine for a missed answer after three years (§ 41 BDSG with § 31 Abs. 2 Nr. 1 OWiG). Open requests are
/// never deleted. One instance at a time (lease <c>privacy.request-retention</c>); the delete is one statement whose
/// condition the database checks per row, so an officer who reopens a request at that moment keeps it.
/// </summary>
public sealed class SubjectRequestRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SubjectRequestRetention> log) : BackgroundService
{
    public const int KeepYears = 3;

    /// <summary>The rule in German, as the officer and the person read it.</summary>
    public static readonly string Rule = $"{KeepYears} Jahre nach Ende des Jahres, in dem die Anfrage abgeschlossen wurde";
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(Interval, clock, log, "Deleting old data-subject requests", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<GoldfederDb>().TryTakeLeaseAsync("privacy.request-retention", Interval * 3, clock, ct)) return;
            var deleted = await DeleteExpiredAsync(ct);
            if (deleted > 0) log.LogInformation("Deleted {Count} data-subject requests at the end of their retention period", deleted);
        }, stoppingToken);

    /// <summary>Closed in a year that ended <see cref="KeepYears"/> full calendar years ago or earlier (Berlin dates).</summary>
    public static Expression<Func<SubjectRequest, bool>> Due(DateOnly today)
    {
        var cutoff = new DateOnly(today.Year - KeepYears, 1, 1);
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
            GermanCount.Of(deleted, "Anfrage", "Anfragen"), after: $"Aufbewahrungsfrist abgelaufen ({Rule})", ct: ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}
