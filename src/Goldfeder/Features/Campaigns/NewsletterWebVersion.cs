using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// <c>/newsletter/archiv/{id}</c>: a campaign's web version, the mail as frozen at its start without personal links
/// (<see cref="CampaignMail.WebVersion"/>). Any campaign whose send has started, so the "Im Browser ansehen" link works
/// while it is still sending. Served as the mail's own HTML, with the mail-preview policy (inline styles, no script).
/// </summary>
public static class NewsletterWebVersion
{
    public static void MapNewsletterWebVersion(this WebApplication app) =>
        app.MapGet("/newsletter/archiv/{id:int}", async (int id, HttpContext http, GoldfederDb db, CancellationToken ct) =>
        {
            var campaign = await db.Campaigns.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == id && c.StartedAtUtc != null && c.RenderedHtml != null && c.Status != CampaignStatus.Draft && c.Status != CampaignStatus.Scheduled, ct);
            if (campaign is null) return Results.NotFound();
            SecurityHeaders.AllowMailPreview(http);
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Content(CampaignMail.WebVersion(campaign), "text/html; charset=utf-8");
        });
}
