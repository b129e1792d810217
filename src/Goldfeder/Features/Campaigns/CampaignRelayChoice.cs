using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Which relay a campaign goes out over (<c>Mail:Relays</c> by name), or all of them in order. It can change until the
/// campaign is sent or cancelled, so a paused campaign can be moved off a relay that refuses it; the sender reads it
/// with each batch.
/// </summary>
public sealed class CampaignRelayChoice(GoldfederDb db, RelayPool relays)
{
    public IReadOnlyList<string> Relays => relays.Names;

    /// <summary>Null when done; else a German message (unknown relay, or the campaign is finished or missing).</summary>
    public async Task<string?> SetAsync(int id, string? relay, CancellationToken ct)
    {
        relay = string.IsNullOrWhiteSpace(relay) ? null : relay.Trim();
        if (relay is not null)
        {
            relay = relays.Names.FirstOrDefault(n => string.Equals(n, relay, StringComparison.OrdinalIgnoreCase));
            if (relay is null) return $"Dieses Relay ist nicht eingerichtet. Eingerichtet: {string.Join(", ", relays.Names)}.";
        }
        var changed = await db.Campaigns.Where(c => c.Id == id && c.Status != CampaignStatus.Sent && c.Status != CampaignStatus.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Relay, relay), ct);
        return changed == 0 ? "Diesen Newsletter gibt es nicht, oder er ist schon versandt oder abgebrochen." : null;
    }
}
