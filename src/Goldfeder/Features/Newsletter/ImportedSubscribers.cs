using System.Globalization;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// Subscribers moved in from an existing list (Campaigns' import): each row a confirmed subscriber with an
/// <c>imported</c> event (and one per topic), written set-wise (<see cref="NewsletterSql"/>) in the caller's transaction. The caller has
/// already left out the addresses known or erased.
/// </summary>
public static class ImportedSubscribers
{
    /// <param name="Topics">The topics the list's consent covered; empty: the whole newsletter (see Newsletter/CONTEXT.md).</param>
    public sealed record Row(string Email, string NormalizedEmail, DateTime ConsentAtUtc, string? Source, string Detail, IReadOnlyList<int> Topics);

    public static async Task InsertAsync(GoldfederDb db, IReadOnlyCollection<Row> rows, int consentTextId, DateTime now, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var sqlite = db.Database.IsSqlite();
        // A time inside JSON is text: SQLite stores times as text in EF Core's format; PostgreSQL casts ISO 8601.
        string Time(DateTime t) => sqlite ? t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : t.ToString("O", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(rows.Select(r => new { e = r.Email, n = r.NormalizedEmail, c = Time(r.ConsentAtUtc), p = r.Source, d = r.Detail }));
        await NewsletterSql.InsertImportedSubscribers.ExecuteAsync(db, ct, json, nameof(SubscriberStatus.Confirmed), now, consentTextId);
        var events = JsonSerializer.Serialize(rows.SelectMany(r => r.Topics.Select(t => (int?)t).Prepend(null).Select(t => new { n = r.NormalizedEmail, t, p = r.Source, d = r.Detail })));
        await NewsletterSql.InsertImportedEvents.ExecuteAsync(db, ct, events, nameof(ConsentEventKind.Imported), now, consentTextId);
        var topics = JsonSerializer.Serialize(rows.SelectMany(r => r.Topics.Select(t => new { n = r.NormalizedEmail, t })));
        await NewsletterSql.InsertSubscriberTopics.ExecuteAsync(db, ct, topics, now);
    }
}
