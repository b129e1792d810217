using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Goldfeder.Data;

namespace Goldfeder.Features.Privacy.Admin;

/// <summary>One request: correct it, extend its deadline with a reason, or close it as done or rejected.</summary>
public sealed class RequestEditModel(GoldfederDb db, SubjectRequestLog log, TimeProvider clock) : PageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public SubjectRequestForm Input { get; set; } = new();
    public SubjectRequest? Current { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? hinweis, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(ct)) return NotFound();
        Input = SubjectRequestForm.From(Current!);
        Input.ClosedOn ??= SubjectRequestForm.Iso(Today);
        Notice = hinweis switch { "angelegt" => "Die Anfrage ist erfasst.", "gespeichert" => "Gespeichert.", _ => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(ct)) return NotFound();
        Errors = Input.Check(Today);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await log.UpdateAsync(Id, Input, User.Identity?.Name ?? "?", ct)) return NotFound();
        return Redirect($"/admin/datenschutz/anfragen/{Id}?hinweis=gespeichert");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = RequestDeadline.Today(clock);
        Current = await db.SubjectRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        return Current is not null;
    }
}
