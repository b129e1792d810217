using Goldfeder.Common;
using Goldfeder.Features.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>
/// Stale consent for Marketing: subscribers with no delivery and no confirmation for <c>Newsletter:RepermissionAfter</c>,
/// and the button that asks them (<see cref="Newsletter.Repermission"/>). Who does not answer is paused, never mailed
/// silently again.
/// </summary>
public sealed class RepermissionModel(StaleSubscribers stale, Repermission repermission, AuditLog audit, IOptions<NewsletterOptions> options, IOptions<SiteOptions> site) : PageModel
{
    /// <summary>At most this many are asked per click, so one request stays short; the rest are asked by the next click.</summary>
    public const int PerClick = 5000;

    public int Count { get; private set; }
    public List<StaleSubscribers.Entry> Entries { get; private set; } = [];
    public NewsletterOptions Options => options.Value;
    [FromQuery(Name = "gefragt")] public int? Asked { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Count = await stale.CountAsync(ct);
        Entries = await stale.ListAsync(100, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ids = await stale.IdsAsync(PerClick, ct);
        var asked = await repermission.AskAsync(ids, SiteUrls.BaseUrl(site.Value, Request), User.Identity?.Name ?? "?", ct);
        await audit.RecordAsync(User.Identity?.Name ?? "?", "newsletter.repermission", $"{asked} Abonnenten", ct: ct);
        return Redirect($"/admin/newsletter/erneuerung?gefragt={asked}");
    }
}
