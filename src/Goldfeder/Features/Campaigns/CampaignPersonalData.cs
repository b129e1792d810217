using Goldfeder.Features.Newsletter;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Campaigns' part of a person's data: the newsletters sent to the address, and a suppression entry if a server refused
/// it. Erased, the deliveries stay for the campaigns' counts but no longer name the person.
/// </summary>
public sealed class CampaignPersonalData(GoldfederDb db) : IPersonalData
{
    public string Section => "mails";

    public async Task<IReadOnlyList<object>> ExportAsync(string normalizedEmail, CancellationToken ct) =>
        await (
            from d in db.Deliveries
            join c in db.Campaigns on d.CampaignId equals c.Id
            where db.Set<Subscriber>().Any(s => s.Id == d.SubscriberId && s.NormalizedEmail == normalizedEmail)
            orderby c.StartedAtUtc
            select new MailToPerson(c.Subject, d.Status.ToString(), c.StartedAtUtc ?? c.CreatedAtUtc, d.SentAtUtc)).ToListAsync<object>(ct);

    public async Task EraseAsync(string normalizedEmail, CancellationToken ct)
    {
        await db.Deliveries.Where(d => db.Set<Subscriber>().Any(s => s.Id == d.SubscriberId && s.NormalizedEmail == normalizedEmail))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.SubscriberId, (int?)null), ct);
        await db.Suppressions.Where(s => s.NormalizedEmail == normalizedEmail).ExecuteDeleteAsync(ct);
    }
}
