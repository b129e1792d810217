using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>HR moves an application through its steps and keeps notes. A rejection (or a hire) stamps the time the retention period counts from.</summary>
public sealed class ApplicationReview(GoldfederDb db, TimeProvider clock)
{
    public static string StatusLabel(ApplicationStatus s) => s switch
    {
        ApplicationStatus.New => "Neu",
        ApplicationStatus.InReview => "In Prüfung",
        ApplicationStatus.Invited => "Eingeladen",
        ApplicationStatus.Rejected => "Abgesagt",
        _ => "Eingestellt",
    };

    /// <summary>Returns the status before the change, or null when there is no such application.</summary>
    public async Task<ApplicationStatus?> UpdateAsync(int id, ApplicationStatus status, string notes, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return null;
        var before = application.Status;
        if (status != before)
            application.ClosedAtUtc = status is ApplicationStatus.Rejected or ApplicationStatus.Hired ? clock.GetUtcNow().UtcDateTime : null;
        application.Status = status;
        application.Notes = notes.Length <= 10_000 ? notes : notes[..10_000];
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted meanwhile (retention or an erasure, which lock the row first): gone, as if it had not been found.
            return null;
        }
        return before;
    }
}
