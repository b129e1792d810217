using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Privacy.Admin;

/// <summary>Records a request as it came in; the deadline (one month) follows from the received date.</summary>
public sealed class RequestNewModel(SubjectRequestLog log, TimeProvider clock) : PageModel
{
    [BindProperty] public SubjectRequestForm Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        Input.ReceivedOn = SubjectRequestForm.Iso(RequestDeadline.Today(clock));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        (Input.Extended, Input.ExtensionReason, Input.Status, Input.ClosedOn, Input.Outcome) = (false, null, null, null, null);
        Errors = Input.Check(RequestDeadline.Today(clock));
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var id = await log.CreateAsync(Input, User.Identity?.Name ?? "?", ct);
        return Redirect($"/admin/datenschutz/anfragen/{id}?hinweis=angelegt");
    }
}
