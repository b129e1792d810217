using System.Globalization;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// Subscribers moved in from an existing list (Campaigns' import): each row a confirmed subscriber with an
/// <c>imported</c> event, written set-wise (<see cref="NewsletterSql"/>) in the caller's transaction. The caller has
/// already left out the addresses known or erased.
/// </summary>
public static class ImportedSubscribers
{
    public sealed record Row(string Email, string NormalizedEmail, DateTime ConsentAtUtc, string? Source, string Detail);

    public static async Task InsertAsync(GoldfederDb db, IReadOnlyCollection<Row> rows, int consentTextId, DateTime now, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var sqlite = db.Database.IsSqlite();
        // A time inside JSON is text: SQLite stores times as text in EF Core's format; PostgreSQL casts ISO 8601.
        string Time(DateTime t) => sqlite ? t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : t.ToString("O", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(rows.Select(r => new { e = r.Email, n = r.NormalizedEmail, c = Time(r.ConsentAtUtc), p = r.Source, d = r.Detail }));
        await NewsletterSql.InsertImportedSubscribers.ExecuteAsync(db, ct, json, nameof(SubscriberStatus.Confirmed), now, consentTextId);
        await NewsletterSql.InsertImportedEvents.ExecuteAsync(db, ct, json, nameof(ConsentEventKind.Imported), now, consentTextId);
    }
}
