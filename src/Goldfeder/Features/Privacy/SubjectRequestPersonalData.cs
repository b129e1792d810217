using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// The request log's part of a person's data, found by the address the person gave. Export shows the requests (they are
/// the person's data too). Erasure keeps each request without the person: name, address and the free-text note go (the
/// note may name the person), while kind, channel, dates, deadline, extension reason, status and outcome stay, as proof
/// that the requests, the erasure among them, were answered in time (Art. 5(2), Art. 12(3); Art. 17(3)(b) and (e)).
/// The officer still finds the request by its number to close it. <see cref="SubjectRequestRetention"/> deletes each
/// request <see cref="SubjectRequestRetention.KeepYears"/> years after it was closed.
/// </summary>
public sealed class SubjectRequestPersonalData(GoldfederDb db, TimeProvider clock) : IPersonalData
{
    public string Section => "Ihre Anfragen an den Datenschutz";
    public string Purpose => "Nachweis, dass Ihre Anfragen nach Art. 15 bis 21 DSGVO fristgerecht beantwortet wurden (Art. 5 Abs. 2, Art. 12 Abs. 3 DSGVO).";
    public string Retention => $"{SubjectRequestRetention.Rule}. Nach einer Löschung bleibt nur, dass es die Anfrage gab und wie sie beantwortet wurde, ohne Ihren Namen und Ihre Adresse (Art. 17 Abs. 3 lit. b und e DSGVO).";
    public const string ErasedName = "(Daten gelöscht)";
    public IReadOnlyCollection<Type> Covers => [typeof(SubjectRequest)];

    public async Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct)
    {
        var requests = await db.SubjectRequests.AsNoTracking()
            .Where(r => r.RequesterEmail != null && r.RequesterEmail.ToLower() == normalizedEmail)
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(ct);
        return requests.Select(r => new PersonalRecord()
            .With("Eingang", SubjectRequestTexts.Date(r.ReceivedOn))
            .With("Art", SubjectRequestTexts.Of(r.Kind))
            .With("Weg", SubjectRequestTexts.Of(r.Channel))
            .With("Name", r.RequesterName)
            .With("E-Mail-Adresse", r.RequesterEmail)
            .With("Notiz", r.Note)
            .With("Frist", SubjectRequestTexts.Date(r.DueOn))
            .With("Verlängert, weil", r.ExtensionReason)
            .With("Status", SubjectRequestTexts.Of(r.Status))
            .With("Abgeschlossen am", r.ClosedOn is { } closed ? SubjectRequestTexts.Date(closed) : null)
            .With("Ergebnis", r.Outcome)).ToList();
    }

    /// <summary>Keeps the requests, without the person (see the class comment).</summary>
    public Task EraseAsync(string normalizedEmail, CancellationToken ct) =>
        db.SubjectRequests.Where(r => r.RequesterEmail != null && r.RequesterEmail.ToLower() == normalizedEmail)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RequesterName, ErasedName).SetProperty(r => r.RequesterEmail, (string?)null)
                .SetProperty(r => r.Note, (string?)null).SetProperty(r => r.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
}
