using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// Writes queued signups in batches: everything that arrived while the previous batch was committing goes into the next
/// transaction (group commit), so one durable commit serves many readers. Each signup's subscriber row, <c>requested</c>
/// event and confirmation mail are in the same transaction. If a batch fails as a whole (another instance inserted one
/// of its addresses first), its signups are written again one by one.
/// </summary>
public sealed class SignupWriter(
    Signup signup, IServiceScopeFactory scopes, OutboxSignal signal, ConsentTexts consentTexts, NewsletterTopics topics,
    IOptions<NewsletterOptions> options, IOptions<SiteOptions> site, TimeProvider clock, ILogger<SignupWriter> log) : BackgroundService
{
    private const int MaxBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = signup.Pending;
        var batch = new List<PendingSignup>(MaxBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var next)) batch.Add(next);
                try
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await WriteAsync(batch, stoppingToken);
                    batch.ForEach(s => s.Committed.TrySetResult());
                    log.LogDebug("Committed {Count} signups in {Ms:F1} ms", batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "A batch of {Count} signups failed; writing them one by one", batch.Count);
                    foreach (var one in batch) await WriteAloneAsync(one, stoppingToken);
                }
            }
        }
        finally
        {
            while (reader.TryRead(out var left)) left.Committed.TrySetCanceled(stoppingToken);
        }
    }

    private async Task WriteAloneAsync(PendingSignup one, CancellationToken ct)
    {
        try
        {
            await WriteAsync([one], ct);
            one.Committed.TrySetResult();
        }
        catch (Exception e)
        {
            one.Committed.TrySetException(e);
        }
    }

    private async Task WriteAsync(List<PendingSignup> batch, CancellationToken ct)
    {
        var offered = await topics.ActiveAsync(ct);
        var consent = await consentTexts.CurrentAsync(NewsletterTopics.ConsentWording(site.Value.NewsletterBox.Consent, offered), ct);
        foreach (var request in batch)
        {
            var chosen = offered.Where(t => request.TopicIds.Contains(t.Id)).Select(t => t.Id).ToList();
            request.Topics = chosen.Count > 0 ? chosen : offered.Select(t => t.Id).ToList();
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.ConfirmationValidFor;
        var quietSince = now - options.Value.ResendConfirmationAfter;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Repeats of one address within a batch are one request.
        var unique = batch.DistinctBy(s => s.NormalizedEmail).ToList();
        var keys = unique.Select(s => s.NormalizedEmail).ToList();
        var existing = await db.Subscribers.AsNoTracking().Where(s => keys.Contains(s.NormalizedEmail)).ToDictionaryAsync(s => s.NormalizedEmail, ct);

        var fresh = new List<PendingSignup>(unique.Count);
        var accepted = new List<PendingSignup>(unique.Count);
        foreach (var request in unique)
        {
            if (!existing.TryGetValue(request.NormalizedEmail, out var known))
            {
                fresh.Add(request);
                accepted.Add(request);
                continue;
            }
            if (known.Status == SubscriberStatus.Confirmed) continue;
            // An unverified address gets only a few confirmation mails a day, whoever asks from wherever (each one left a requested event).
            var dayAgo = now.AddDays(-1);
            if (await db.ConsentEvents.CountAsync(e => e.SubscriberId == known.Id && e.Kind == ConsentEventKind.Requested && e.TopicId == null && e.AtUtc > dayAgo, ct)
                >= options.Value.ConfirmationsPerAddressPerDay) continue;
            // Guarded, so that parallel requests (other instances) for one address queue one mail.
            var hash = request.TokenHash;
            var won = await db.Subscribers
                .Where(s => s.Id == known.Id && s.Status != SubscriberStatus.Confirmed
                            && (s.ConfirmMailQueuedAtUtc == null || s.ConfirmMailQueuedAtUtc <= quietSince))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.ConfirmTokenHash, hash)
                    .SetProperty(s => s.ConfirmTokenExpiresAtUtc, expires)
                    .SetProperty(s => s.ConfirmMailQueuedAtUtc, now)
                    .SetProperty(s => s.ConsentTextId, consent.Id), ct);
            if (won > 0) accepted.Add(request);
        }
        var renewed = accepted.Where(a => existing.ContainsKey(a.NormalizedEmail)).Select(a => existing[a.NormalizedEmail].Id).ToList();
        if (renewed.Count > 0) await db.SubscriberTopics.Where(t => renewed.Contains(t.SubscriberId)).ExecuteDeleteAsync(ct);
        await SignupRows.InsertAsync(db, fresh, accepted, consent.Id, now, expires, ct);
        await tx.CommitAsync(ct);
        signal.Wake();
    }
}
