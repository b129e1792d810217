using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// An unconfirmed signup is no consent; after <see cref="NewsletterOptions.DeleteUnconfirmedAfter"/> it is deleted with
/// its events and mails (GDPR Art. 17(1)(a)), leaving nothing personal behind.
/// </summary>
public sealed class UnconfirmedSignupCleaner(IServiceScopeFactory scopes, IOptions<NewsletterOptions> options, TimeProvider clock, ILogger<UnconfirmedSignupCleaner> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(options.Value.CleanupInterval, clock, log, "Deleting unconfirmed signups", async ct =>
        {
            if (!await HoldLeaseAsync(ct)) return;
            var deleted = await DeleteExpiredAsync(ct);
            if (deleted > 0) log.LogInformation("Deleted {Count} unconfirmed newsletter signups", deleted);
        }, stoppingToken);

    /// <summary>One instance at a time cleans (Data/CONTEXT.md); the holder renews the lease at every run.</summary>
    private async Task<bool> HoldLeaseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoldfederDb>()
            .TryTakeLeaseAsync("newsletter.unconfirmed-cleanup", options.Value.CleanupInterval * 3, clock, ct);
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.DeleteUnconfirmedAfter;
        var expired = await db.Subscribers
            .Where(s => s.Status == SubscriberStatus.Pending && s.CreatedAtUtc < cutoff)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.NormalizedEmail })
            .Take(1000)
            .ToListAsync(ct);
        if (expired.Count == 0) return 0;

        var candidates = expired.Select(e => e.Id).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locks the rows still pending (a row lock on PostgreSQL, the write gate on SQLite), so a confirmation that
        // comes first keeps its consent events, and one that comes later waits and then finds nothing to confirm.
        await db.Subscribers.Where(s => candidates.Contains(s.Id) && s.Status == SubscriberStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, s => s.Status), ct);
        var still = await db.Subscribers.Where(s => candidates.Contains(s.Id) && s.Status == SubscriberStatus.Pending).Select(s => s.Id).ToListAsync(ct);
        var ids = expired.Where(e => still.Contains(e.Id)).Select(e => e.Id).ToList();
        var addresses = expired.Where(e => still.Contains(e.Id)).Select(e => e.NormalizedEmail).ToList();
        await db.ConsentEvents.Where(e => e.SubscriberId != null && ids.Contains(e.SubscriberId.Value)).ExecuteDeleteAsync(ct);
        await db.SubscriberTopics.Where(t => ids.Contains(t.SubscriberId)).ExecuteDeleteAsync(ct);
        await Outbox.DeleteToAsync(db, addresses, ct);
        var deleted = await db.Subscribers.Where(s => ids.Contains(s.Id) && s.Status == SubscriberStatus.Pending).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}
