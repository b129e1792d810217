using Goldfeder.Features.Newsletter;
using Goldfeder.Common;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Sends campaigns: claims a batch of due deliveries with a lease (<see cref="DeliveryClaims"/>), sends them over a pool
/// of SMTP connections, and records each outcome only after the server answered. Failure policy in Campaigns/CONTEXT.md.
/// Runs as a background service in the site and in the <c>campaigns send</c> operator command.
/// </summary>
public sealed class CampaignSender(
    IServiceScopeFactory scopes, RelayPool relays, CampaignMail mails, WithdrawalTokens tokens, Bounces.DeliveryToken deliveryTokens,
    IOptions<Bounces.BounceOptions> bounces, CampaignSignal signal, IOptions<CampaignOptions> options, TimeProvider clock, ILogger<CampaignSender> log) : BackgroundService
{
    private readonly CampaignOptions _options = options.Value;
    private readonly Dictionary<int, int> _refusalsInARow = [];
    private readonly RateLimiter? _perSecond = options.Value.MessagesPerSecond > 0
        ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.MessagesPerSecond, TokensPerPeriod = options.Value.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = int.MaxValue, AutoReplenishment = true,
        })
        : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Campaign pass failed; trying again shortly");
                handled = 0;
            }
            if (handled == 0)
            {
                try { await signal.WaitAsync(_options.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One step: start what is scheduled, send one batch, close finished campaigns. Returns the deliveries handled.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        await StartScheduledAsync(scope.ServiceProvider, db, ct);

        // Every relay resting (a "slow down" answer, unreachable, its hour used up): claiming would only put work back.
        var size = relays.AnyReady() ? await BatchSizeAsync(db, ct) : 0;
        var batch = size == 0 ? [] : await DeliveryClaims.ClaimAsync(db, size, _options.Lease, clock, ct);
        if (batch.Count == 0)
        {
            await FinishAsync(db, ct);
            return 0;
        }
        await SendAsync(db, batch, ct);
        return batch.Count;
    }

    private async Task StartScheduledAsync(IServiceProvider services, GoldfederDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Campaigns.Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledForUtc <= now).Select(c => c.Id).ToListAsync(ct);
        if (due.Count == 0) return;
        var baseUrl = SiteUrls.BaseUrl(services.GetRequiredService<IOptions<SiteOptions>>().Value);
        var control = services.GetRequiredService<CampaignControl>();
        foreach (var id in due) await control.StartAsync(id, baseUrl, ct);
    }

    /// <summary>The batch, cut so that neither the per-second nor the per-hour limit makes a lease run out while waiting.</summary>
    private async Task<int> BatchSizeAsync(GoldfederDb db, CancellationToken ct)
    {
        var size = _options.BatchSize;
        if (_options.MessagesPerSecond > 0) size = Math.Min(size, _options.MessagesPerSecond);
        if (_options.MessagesPerHour > 0)
        {
            // Counted in the database, so every instance and every restart shares the hour.
            var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
            var sentInLastHour = await db.Deliveries.CountAsync(d => d.SentAtUtc > hourAgo, ct);
            size = Math.Min(size, Math.Max(0, _options.MessagesPerHour - sentInLastHour));
        }
        return size;
    }

    private async Task SendAsync(GoldfederDb db, List<DeliveryClaims.Claimed> batch, CancellationToken ct)
    {
        var campaignIds = batch.Select(b => b.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var key = await tokens.KeyAsync(ct);
        var bounceKey = await deliveryTokens.KeyAsync(ct);
        var returnPath = bounces.Value.ReturnPath;
        var outcome = new Outcome();
        var live = new LiveStatus(scopes, clock);

        foreach (var d in batch.Where(d => d.Email is null || d.SubscriberStatus != SubscriberStatus.Confirmed || d.Suppressed))
            outcome.Skipped[d.Id] = d.Email is null ? "Adresse gelöscht" : d.Suppressed ? "Adresse gesperrt" : "abgemeldet";
        var sendable = batch.Where(d => !outcome.Skipped.ContainsKey(d.Id)).ToList();

        try
        {
            await Parallel.ForEachAsync(sendable, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = ct }, async (d, token) =>
            {
                if (_perSecond is not null) using (await _perSecond.AcquireAsync(1, token)) { }
                if (!await live.SendingAsync(d.CampaignId, token)) return; // paused or cancelled meanwhile: back to pending, untried
                var campaign = campaigns[d.CampaignId];
                var deliveryToken = Bounces.DeliveryToken.Create(bounceKey, d.Id);
                var message = mails.For(campaign, d.Email!, SiteUrls.Withdrawal(campaign.BaseUrl ?? SiteUrls.Fallback, WithdrawalTokens.Create(key, d.SubscriberId!.Value)),
                    SiteUrls.Preferences(campaign.BaseUrl ?? SiteUrls.Fallback, WithdrawalTokens.Create(key, d.SubscriberId!.Value, WithdrawalTokens.Preferences)), deliveryToken);
                switch (await relays.SendAsync(message, campaign.Relay, token, Bounces.DeliveryToken.ReturnPath(returnPath, deliveryToken)))
                {
                    case RelayPool.Sent: outcome.Sent.Add(d.Id); break;
                    case RelayPool.Refused r: outcome.Refused[d.Id] = (r.Reply, EmailAddress.Normalize(d.Email!)); break;
                    case RelayPool.Failed f: outcome.Failed[d.Id] = (f.Error, d.Attempts); break;
                    case RelayPool.Deferred deferred: outcome.Deferred[d.Id] = deferred; break;
                }
            });
        }
        finally
        {
            // Record what the servers said even when stopping; what was not tried goes back to pending at once.
            var tried = outcome.Sent.Concat(outcome.Refused.Keys).Concat(outcome.Failed.Keys).Concat(outcome.Skipped.Keys).Concat(outcome.Deferred.Keys).ToHashSet();
            var untried = batch.Where(d => !tried.Contains(d.Id)).Select(d => d.Id).ToList();
            await RecordAsync(db, batch, outcome, untried);
        }
    }

    /// <summary>Whether a campaign is still sending, asked of the database at most twice a second, so a pause or cancel stops a batch midway.</summary>
    private sealed class LiveStatus(IServiceScopeFactory scopes, TimeProvider clock)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<int, (bool Sending, DateTime AskedAt)> _known = [];

        public async ValueTask<bool> SendingAsync(int campaignId, CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (_known.TryGetValue(campaignId, out var known) && now - known.AskedAt < TimeSpan.FromMilliseconds(500)) return known.Sending;
                await using var scope = scopes.CreateAsyncScope();
                var sending = await scope.ServiceProvider.GetRequiredService<GoldfederDb>().Campaigns
                    .AnyAsync(c => c.Id == campaignId && c.Status == CampaignStatus.Sending, ct);
                _known[campaignId] = (sending, now);
                return sending;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private sealed class Outcome
    {
        public ConcurrentBag<long> Sent { get; } = [];
        public ConcurrentDictionary<long, (string Reply, string NormalizedEmail)> Refused { get; } = new();
        public ConcurrentDictionary<long, (string Error, int Attempts)> Failed { get; } = new();
        public Dictionary<long, string> Skipped { get; } = [];
        public ConcurrentDictionary<long, RelayPool.Deferred> Deferred { get; } = new();
    }

    private async Task RecordAsync(GoldfederDb db, List<DeliveryClaims.Claimed> batch, Outcome outcome, List<long> untried)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ct = CancellationToken.None;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sent = outcome.Sent.ToList();
        if (sent.Count > 0)
            await db.Deliveries.Where(d => sent.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAtUtc, now).SetProperty(d => d.LastError, (string?)null), ct);
        if (untried.Count > 0)
            await db.Deliveries.Where(d => untried.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.NextAttemptAtUtc, now).SetProperty(d => d.Attempts, d => d.Attempts - 1), ct);
        foreach (var group in outcome.Skipped.GroupBy(s => s.Value))
        {
            var ids = group.Select(g => g.Key).ToList();
            await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Skipped).SetProperty(d => d.LastError, group.Key), ct);
        }
        foreach (var (id, (reply, normalized)) in outcome.Refused)
        {
            await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Bounced).SetProperty(d => d.LastError, Retry.Clip(reply)), ct);
            var campaignId = batch.First(b => b.Id == id).CampaignId;
            await CampaignsSql.SuppressAddress.ExecuteAsync(db, ct, normalized, Retry.Clip(reply), now, campaignId);
        }
        foreach (var (id, (error, attempts)) in outcome.Failed)
        {
            if (attempts >= _options.MaxAttempts)
                await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.LastError, Retry.Clip(error)), ct);
            else
                await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.NextAttemptAtUtc, now + Retry.Backoff(attempts, _options.RetryBase, _options.RetryMax)).SetProperty(d => d.LastError, Retry.Clip(error)), ct);
        }
        await CampaignRelayPause.RecordDeferredAsync(db, batch.Where(b => outcome.Deferred.ContainsKey(b.Id)).Select(b => (b.Id, b.CampaignId, outcome.Deferred[b.Id])), _options.PauseWhenRelaysDownFor, now, log, ct);
        await PauseOnRefusalRunsAsync(db, batch, outcome, ct);
        await tx.CommitAsync(ct);
        CampaignMetrics.Sent.Add(sent.Count);
        CampaignMetrics.Failed.Add(outcome.Refused.Count + outcome.Failed.Count);
        if (outcome.Failed.Count > 0)
            log.LogInformation("{Count} deliveries failed for now and will be retried: {Error}", outcome.Failed.Count, LogText.WithoutAddresses(outcome.Failed.First().Value.Error));
    }

    /// <summary>Refusals with no success between them look like a misconfiguration (DMARC, a blocked IP), not bad addresses: stop before the whole list is suppressed.</summary>
    private async Task PauseOnRefusalRunsAsync(GoldfederDb db, List<DeliveryClaims.Claimed> batch, Outcome outcome, CancellationToken ct)
    {
        foreach (var campaignId in batch.Select(b => b.CampaignId).Distinct())
        {
            var ids = batch.Where(b => b.CampaignId == campaignId).Select(b => b.Id).ToHashSet();
            var run = outcome.Sent.Any(ids.Contains) ? 0 : _refusalsInARow.GetValueOrDefault(campaignId);
            run += outcome.Refused.Keys.Count(ids.Contains);
            _refusalsInARow[campaignId] = run;
            if (run < _options.PauseAfterConsecutiveRefusals) continue;
            var reason = $"{run} Empfänger nacheinander endgültig abgelehnt, zuletzt: {outcome.Refused.Values.First().Reply}";
            await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Sending)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Paused).SetProperty(c => c.PauseReason, Retry.Clip(reason)), ct);
            _refusalsInARow[campaignId] = 0;
            log.LogWarning("Campaign {Id} paused: {Reason}", campaignId, LogText.WithoutAddresses(reason));
        }
    }

    /// <summary>A sending campaign with no pending delivery left is done.</summary>
    private async Task FinishAsync(GoldfederDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Campaigns.AnyAsync(c => c.Status == CampaignStatus.Sending, ct)) return;
        await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Sending && !db.Set<Delivery>().Any(d => d.CampaignId == c.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Sent).SetProperty(c => c.FinishedAtUtc, now), ct);
    }

    public override void Dispose()
    {
        _perSecond?.Dispose();
        base.Dispose();
    }
}
