using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Subscribers whose consent has gone stale: confirmed, not paused, not yet asked, with no delivery sent and no
/// confirmation (nor renewal, nor topic chosen) for <see cref="NewsletterOptions.RepermissionAfter"/>. Campaigns
/// lists them because only it knows the deliveries; the asking is the newsletter's (<see cref="Repermission"/>).
/// </summary>
public sealed class StaleSubscribers(GoldfederDb db, IOptions<NewsletterOptions> options, TimeProvider clock)
{
    public sealed record Entry(int Id, string Email, DateTime? ConfirmedAtUtc, DateTime? LastSentAtUtc);

    private IQueryable<Subscriber> Query()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.RepermissionAfter;
        return db.Subscribers.Where(s => s.Status == SubscriberStatus.Confirmed
            && s.RepermissionAskedAtUtc == null
            && (s.PausedUntilUtc == null || s.PausedUntilUtc <= now)
            && (s.ConfirmedAtUtc ?? s.CreatedAtUtc) < cutoff
            && !db.Set<ConsentEvent>().Any(e => e.SubscriberId == s.Id && e.AtUtc >= cutoff
                && (e.Kind == ConsentEventKind.Confirmed || e.Kind == ConsentEventKind.Reconfirmed))
            && !db.Set<Delivery>().Any(d => d.SubscriberId == s.Id && d.SentAtUtc >= cutoff));
    }

    public Task<int> CountAsync(CancellationToken ct) => Query().CountAsync(ct);

    public Task<List<int>> IdsAsync(int max, CancellationToken ct) => Query().OrderBy(s => s.Id).Select(s => s.Id).Take(max).ToListAsync(ct);

    public Task<List<Entry>> ListAsync(int max, CancellationToken ct) =>
        Query().OrderBy(s => s.Id).Take(max)
            .Select(s => new Entry(s.Id, s.Email, s.ConfirmedAtUtc, db.Set<Delivery>().Where(d => d.SubscriberId == s.Id).Max(d => d.SentAtUtc)))
            .ToListAsync(ct);
}
