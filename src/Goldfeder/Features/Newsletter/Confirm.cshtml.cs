using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// <c>/newsletter/bestaetigen?token=…</c>. GET only shows the page (a prefetching scanner confirms nothing); the page's
/// script or button POSTs, and only the POST confirms. No antiforgery token: the unguessable token is the proof.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ConfirmModel(Confirmation confirmation, IOptions<NewsletterOptions> options, IOptions<SiteOptions> site) : PageModel
{
    public ConfirmOutcome? Outcome { get; private set; }

    public void OnGet() => NoStore(Response);

    public async Task<IActionResult> OnPostAsync([FromQuery] string? token, CancellationToken ct)
    {
        NoStore(Response);
        Outcome = await confirmation.ConfirmAsync(token, Requester.From(HttpContext, options, site.Value, "/newsletter/bestaetigen"), ct);
        if (Outcome == ConfirmOutcome.Confirmed) return Redirect("/newsletter/bestaetigt");
        Response.StatusCode = Outcome == ConfirmOutcome.AlreadyConfirmed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A page whose URL holds a token is neither cached nor passed on as a referrer.</summary>
    internal static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
