using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Goldfeder.Data;

namespace Goldfeder.Features.Privacy.Admin;

/// <summary>The request log: open requests first, the nearest deadline on top; then the closed ones, newest first.</summary>
public sealed class RequestListModel(GoldfederDb db, TimeProvider clock) : PageModel
{
    public const int ClosedShown = 200;

    public List<SubjectRequest> Open { get; private set; } = [];
    public List<SubjectRequest> Closed { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? hinweis, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Today = RequestDeadline.Today(clock);
        Open = await db.SubjectRequests.AsNoTracking().Where(r => r.Status == SubjectRequestStatus.Open)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(ct);
        Closed = await db.SubjectRequests.AsNoTracking().Where(r => r.Status != SubjectRequestStatus.Open)
            .OrderByDescending(r => r.ClosedOn).ThenByDescending(r => r.Id).Take(ClosedShown).ToListAsync(ct);
        Notice = hinweis == "gespeichert" ? "Die Anfrage ist gespeichert." : null;
    }
}
