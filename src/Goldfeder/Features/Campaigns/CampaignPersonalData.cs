using Goldfeder.Features.Newsletter;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Campaigns' part of a person's data: the newsletters sent to the address, and a suppression entry if a server refused
/// it. Erased, the deliveries stay for the campaigns' counts but no longer name the person, and lose the server's reply
/// (a refusal often quotes the address).
/// </summary>
public sealed class CampaignPersonalData(GoldfederDb db) : IPersonalData
{
    public string Section => "Newsletter-Versand";
    public string Purpose => "Zustellung der Newsletter, in deren Empfang Sie eingewilligt haben; Sperre von Adressen, die ein Mailserver dauerhaft abweist.";
    public string Retention => "Solange Sie den Newsletter beziehen; danach nur noch als anonyme Zählung ohne Bezug zu Ihnen.";
    public IReadOnlyCollection<Type> Covers => [typeof(Delivery), typeof(Suppression)];

    public async Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct)
    {
        var deliveries = await (
            from d in db.Deliveries
            join c in db.Campaigns on d.CampaignId equals c.Id
            where db.Set<Subscriber>().Any(s => s.Id == d.SubscriberId && s.NormalizedEmail == normalizedEmail)
            orderby c.StartedAtUtc
            select new { c.Subject, d.Status, c.StartedAtUtc, d.SentAtUtc }).ToListAsync(ct);
        var suppressions = await db.Suppressions.AsNoTracking().Where(s => s.NormalizedEmail == normalizedEmail).ToListAsync(ct);
        return
        [
            .. deliveries.Select(d => new PersonalRecord()
                .With("Newsletter", d.Subject)
                .With("Status", StatusText(d.Status))
                .With("Versand begonnen", d.StartedAtUtc)
                .With("Zugestellt", d.SentAtUtc)),
            .. suppressions.Select(s => new PersonalRecord()
                .With("Gesperrte Adresse", s.NormalizedEmail)
                .With("Grund", s.Reason)
                .With("Gesperrt seit", s.CreatedAtUtc)),
        ];
    }

    public async Task EraseAsync(string normalizedEmail, CancellationToken ct)
    {
        await db.Deliveries.Where(d => db.Set<Subscriber>().Any(s => s.Id == d.SubscriberId && s.NormalizedEmail == normalizedEmail))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.SubscriberId, (int?)null).SetProperty(d => d.LastError, (string?)null), ct);
        await db.Suppressions.Where(s => s.NormalizedEmail == normalizedEmail).ExecuteDeleteAsync(ct);
    }

    private static string StatusText(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "zugestellt",
        DeliveryStatus.Pending => "wartet auf Versand",
        DeliveryStatus.Bounced => "vom Mailserver abgewiesen",
        DeliveryStatus.Skipped => "nicht versandt",
        _ => "nicht zustellbar",
    };
}
