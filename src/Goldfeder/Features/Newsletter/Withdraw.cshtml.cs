using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// <c>/newsletter/abmelden?token=…</c>. GET shows the page that withdraws by itself; POST withdraws. A POST with the
/// body <c>List-Unsubscribe=One-Click</c> is a mailbox provider's one-click (RFC 8058): no cookie, no antiforgery
/// token, no redirect, just 200.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class WithdrawModel(Withdrawal withdrawal, IOptions<NewsletterOptions> options, IOptions<SiteOptions> site) : PageModel
{
    public bool? Withdrawn { get; private set; }

    public void OnGet() => ConfirmModel.NoStore(Response);

    public async Task<IActionResult> OnPostAsync([FromQuery] string? token, CancellationToken ct)
    {
        ConfirmModel.NoStore(Response);
        var oneClick = Request.HasFormContentType && (await Request.ReadFormAsync(ct))["List-Unsubscribe"] == "One-Click";
        var requester = Requester.From(HttpContext, options, site.Value, "/newsletter/abmelden");
        Withdrawn = await withdrawal.WithdrawAsync(token, oneClick ? "one-click" : "link", requester, ct);
        if (Withdrawn != true) Response.StatusCode = StatusCodes.Status400BadRequest;
        if (oneClick) return Content(Withdrawn == true ? "Abgemeldet." : "Ungültiger Abmeldelink.", "text/plain; charset=utf-8");
        return Page();
    }
}
