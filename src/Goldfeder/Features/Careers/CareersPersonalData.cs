using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Careers' part of a person's data: the applications sent from the address, with HR's notes and the uploaded files.
/// Erased through <see cref="ApplicationDeletion"/>, like retention: the files first, then the rows and the two mails
/// that name the applicant, audited with ids only.
/// </summary>
public sealed class CareersPersonalData(GoldfederDb db, ApplicationDeletion deletion, IOptions<CareersOptions> options) : IPersonalData
{
    public string Section => "Bewerbungen";
    public string Purpose => "Durchführung des Bewerbungsverfahrens (§ 26 BDSG, Art. 6 Abs. 1 lit. b DSGVO).";
    public string Retention => $"Bis {options.Value.RetentionMonths} Monate nach Abschluss des Verfahrens (Absage, Besetzung oder Ende der Ausschreibung), wegen der Fristen nach § 15 Abs. 4 AGG und § 61b ArbGG.";
    public IReadOnlyCollection<Type> Covers => [typeof(Application), typeof(ApplicationFile), typeof(ApplicationReply)];

    public async Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct)
    {
        var applications = await Of(normalizedEmail).AsNoTracking()
            .Include(a => a.JobPosting).Include(a => a.Files)
            .OrderBy(a => a.CreatedAtUtc)
            .ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var replies = (await db.ApplicationReplies.AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct))
            .OrderBy(r => r.SentAtUtc).ToLookup(r => r.ApplicationId);
        return applications.Select(a => new PersonalRecord()
            .With("Stelle", a.JobPosting?.Title)
            .With("Name", a.Name)
            .With("E-Mail-Adresse", a.Email)
            .With("Telefon", a.Phone)
            .With("Nachricht", a.Message)
            .With("Eingegangen", a.CreatedAtUtc)
            .With("Datenschutzhinweise gelesen", a.PrivacyNoticeAcceptedAtUtc)
            .With("Stand", StatusText(a.Status))
            .With("Abgeschlossen", a.ClosedAtUtc)
            .With("Notizen der Personalabteilung", a.Notes)
            .With("Dateien", string.Join(", ", a.Files.Select(f => $"{f.OriginalName} ({f.Size / 1024.0:0.#} KB{(f.IsCv ? ", Lebenslauf" : "")})")))
            .With("Antworten der Personalabteilung", string.Join("\n\n", replies[a.Id].Select(r => $"{ReplyTemplate.Label(r.Kind)}, {BerlinTime.Date(r.SentAtUtc)} {BerlinTime.Time(r.SentAtUtc)}: {r.Subject}\n{r.Body}")))).ToList();
    }

    public async Task EraseAsync(string normalizedEmail, CancellationToken ct)
    {
        var ids = await Of(normalizedEmail).Select(a => a.Id).ToListAsync(ct);
        if (ids.Count > 0) await deletion.DeleteAsync(ids, "Datenschutz", "application.erase", "Löschung auf Antrag (Art. 17 DSGVO)", ct);
    }

    private IQueryable<Application> Of(string normalizedEmail) => db.Applications.Where(a => a.Email.ToLower() == normalizedEmail);

    private static string StatusText(ApplicationStatus status) => status switch
    {
        ApplicationStatus.New => "eingegangen",
        ApplicationStatus.InReview => "in Prüfung",
        ApplicationStatus.Invited => "eingeladen",
        ApplicationStatus.Rejected => "abgesagt",
        _ => "eingestellt",
    };
}
