using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// The request log's part of a person's data, found by the address the person gave. Export shows the requests (they are
/// the person's data too). Erasure keeps them: the log is the proof that the person's requests, the erasure among them,
/// were answered in time (Art. 5(2), Art. 12(3)); Art. 17(3)(b) and (e) allow keeping it for that purpose, and
/// <see cref="SubjectRequestRetention"/> deletes each request <see cref="SubjectRequestRetention.KeepYears"/> years
/// after it was closed.
/// </summary>
public sealed class SubjectRequestPersonalData(GoldfederDb db) : IPersonalData
{
    public string Section => "Ihre Anfragen an den Datenschutz";
    public string Purpose => "Nachweis, dass Ihre Anfragen nach Art. 15 bis 21 DSGVO fristgerecht beantwortet wurden (Art. 5 Abs. 2, Art. 12 Abs. 3 DSGVO).";
    public string Retention => $"{SubjectRequestRetention.KeepYears} Jahre nach Abschluss der Anfrage; auch nach einer Löschung Ihrer übrigen Daten, als Nachweis der Bearbeitung (Art. 17 Abs. 3 lit. b und e DSGVO).";
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

    /// <summary>Kept on purpose (see the class comment).</summary>
    public Task EraseAsync(string normalizedEmail, CancellationToken ct) => Task.CompletedTask;
}
