using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Deliveries no relay could take (<see cref="RelayPool.Deferred"/>): due again when the relay may be tried, with no
/// attempt counted, since the recipient did nothing wrong. A campaign whose relays have all been unreachable for
/// <see cref="CampaignOptions.PauseWhenRelaysDownFor"/> is paused with the reason, for a person to look at.
/// </summary>
internal static class CampaignRelayPause
{
    public static async Task RecordDeferredAsync(GoldfederDb db, IEnumerable<(long Id, int CampaignId, RelayPool.Deferred Deferred)> deferred,
        TimeSpan pauseWhenDownFor, DateTime now, ILogger log, CancellationToken ct)
    {
        var rows = deferred.ToList();
        foreach (var group in rows.GroupBy(r => (r.Deferred.UntilUtc, r.Deferred.Reason)))
        {
            var ids = group.Select(g => g.Id).ToList();
            var error = Retry.Clip("zurückgestellt: " + group.Key.Reason);
            await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.NextAttemptAtUtc, group.Key.UntilUtc)
                .SetProperty(d => d.Attempts, d => d.Attempts - 1)
                .SetProperty(d => d.LastError, error), ct);
        }

        foreach (var campaign in rows.GroupBy(r => r.CampaignId))
        {
            var down = campaign.Select(c => c.Deferred).FirstOrDefault(d => d.UnreachableSinceUtc is { } since && now - since >= pauseWhenDownFor);
            if (down is null) continue;
            var reason = Retry.Clip($"Kein Relay nimmt Mails an (seit {down.UnreachableSinceUtc:HH:mm:ss} UTC): {down.Reason}");
            var paused = await db.Campaigns.Where(c => c.Id == campaign.Key && c.Status == CampaignStatus.Sending)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Paused).SetProperty(c => c.PauseReason, reason), ct);
            if (paused > 0) log.LogWarning("Campaign {Id} paused: {Reason}", campaign.Key, LogText.WithoutAddresses(reason));
        }
    }
}
