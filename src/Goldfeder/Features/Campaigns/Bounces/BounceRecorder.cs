using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// Applies the bounce policy (Campaigns/CONTEXT.md, "Bounces") to one report, once: a hard bounce or a complaint
/// suppresses the address at once (a complaint also withdraws the subscription in the newsletter's consent ledger, as
/// an objection to advertising); soft bounces suppress after <see cref="BounceOptions.SoftBounceLimit"/> within
/// <see cref="BounceOptions.SoftBounceWindow"/>; anything else is only recorded.
/// </summary>
public sealed class BounceRecorder(GoldfederDb db, Withdrawal withdrawal, IOptions<BounceOptions> options, TimeProvider clock, ILogger<BounceRecorder> log)
{
    /// <param name="DeliveryId">The delivery a verified token named.</param>
    /// <param name="Email">When no token is known (a provider's webhook): the address, matched to its latest sent delivery.</param>
    public sealed record Observation(string Source, string ExternalId, BounceKind Kind, string? Detail, long? DeliveryId, string? Email = null);

    public enum Outcome { Applied, Unmatched, AlreadyRecorded }

    public async Task<Outcome> RecordAsync(Observation o, CancellationToken ct)
    {
        if (await db.BounceEvents.AnyAsync(e => e.Source == o.Source && e.ExternalId == o.ExternalId, ct)) return Outcome.AlreadyRecorded;
        var target = await FindAsync(o, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var detail = o.Detail is null ? null : Retry.Clip(o.Detail);

        // Withdrawal commits on its own; it is idempotent, so a crash before our commit only repeats a no-op.
        if (o.Kind == BounceKind.Complaint && target?.SubscriberId is { } complainer)
            await withdrawal.WithdrawAsync(complainer, "Beschwerde beim Postfachanbieter (Spam-Meldung)", new Requester(null, null, null, SiteUrls.Fallback), ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await BounceSql.InsertEvent.ExecuteAsync(db, ct, o.Source, o.ExternalId, o.Kind.ToString(), target?.Id!, target?.CampaignId!, detail!, now);
        if (inserted == 0) return Outcome.AlreadyRecorded;
        if (target?.Email is { } email)
        {
            switch (o.Kind)
            {
                case BounceKind.Hard:
                    await db.Deliveries.Where(d => d.Id == target.Id).ExecuteUpdateAsync(u => u
                        .SetProperty(d => d.Status, DeliveryStatus.Bounced).SetProperty(d => d.LastError, detail ?? "Unzustellbar (Bounce)"), ct);
                    await CampaignsSql.SuppressAddress.ExecuteAsync(db, ct, email, "Unzustellbar: " + (detail ?? o.Kind.ToString()), now, target.CampaignId);
                    break;
                case BounceKind.Complaint:
                    await CampaignsSql.SuppressAddress.ExecuteAsync(db, ct, email, "Beschwerde (Spam-Meldung): " + (detail ?? ""), now, target.CampaignId);
                    break;
                case BounceKind.Soft when await SoftBouncesAsync(target.SubscriberId!.Value, now, ct) >= options.Value.SoftBounceLimit:
                    await CampaignsSql.SuppressAddress.ExecuteAsync(db, ct, email,
                        $"{options.Value.SoftBounceLimit} vorübergehende Fehler in {options.Value.SoftBounceWindow.TotalDays:0} Tagen, zuletzt: {detail}", now, target.CampaignId);
                    break;
            }
        }
        await tx.CommitAsync(ct);
        CampaignMetrics.Reports.Add(1, new KeyValuePair<string, object?>("kind", o.Kind.ToString()));
        if (target is null) log.LogInformation("{Source} report {Kind} matches no delivery", o.Source, o.Kind);
        return target is null ? Outcome.Unmatched : Outcome.Applied;
    }

    private sealed record Target(long Id, int CampaignId, int? SubscriberId, string? Email);

    private async Task<Target?> FindAsync(Observation o, CancellationToken ct)
    {
        var deliveries = db.Deliveries.AsNoTracking();
        if (o.DeliveryId is { } id)
            deliveries = deliveries.Where(d => d.Id == id);
        else if (!string.IsNullOrWhiteSpace(o.Email))
        {
            var normalized = EmailAddress.Normalize(o.Email.Trim());
            deliveries = deliveries.Where(d => db.Set<Subscriber>().Any(s => s.Id == d.SubscriberId && s.NormalizedEmail == normalized) && d.SentAtUtc != null)
                .OrderByDescending(d => d.SentAtUtc).ThenByDescending(d => d.Id);
        }
        else return null;
        return await deliveries.Select(d => new Target(d.Id, d.CampaignId, d.SubscriberId,
            db.Set<Subscriber>().Where(s => s.Id == d.SubscriberId).Select(s => s.NormalizedEmail).FirstOrDefault())).FirstOrDefaultAsync(ct);
    }

    private Task<int> SoftBouncesAsync(int subscriberId, DateTime now, CancellationToken ct)
    {
        var since = now - options.Value.SoftBounceWindow;
        return db.BounceEvents.CountAsync(e => e.Kind == BounceKind.Soft && e.ReceivedAtUtc > since
            && db.Set<Delivery>().Any(d => d.Id == e.DeliveryId && d.SubscriberId == subscriberId), ct);
    }
}
