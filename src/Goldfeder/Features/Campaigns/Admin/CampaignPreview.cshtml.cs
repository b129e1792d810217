using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>The campaign's HTML exactly as a recipient gets it (the frozen rendering once sending started), for the preview frame.</summary>
public sealed class CampaignPreviewModel(GoldfederDb db, CampaignControl control, CampaignMail mails, IOptions<SiteOptions> site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return NotFound();
        var baseUrl = SiteUrls.BaseUrl(site.Value, Request);
        var html = campaign.RenderedHtml
            ?? mails.Render(campaign, campaign.IncludeDigest ? await control.DigestAsync(id, baseUrl, ct) : [], baseUrl).Html;
        Response.Headers.CacheControl = "no-store";
        SecurityHeaders.AllowMailPreview(HttpContext);
        return Content(html.Replace(CampaignMail.WithdrawPlaceholder, "#abmelden"), "text/html; charset=utf-8");
    }
}
