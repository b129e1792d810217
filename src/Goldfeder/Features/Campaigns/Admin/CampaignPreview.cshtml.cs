using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>
/// The campaign's HTML exactly as a recipient gets it (the frozen rendering once sending started), for the preview frame;
/// and, posted by the editor's script while staff type, the unsaved draft rendered the same way (nothing is saved).
/// </summary>
public sealed class CampaignPreviewModel(GoldfederDb db, CampaignControl control, CampaignMail mails, IOptions<SiteOptions> site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return NotFound();
        var baseUrl = SiteUrls.BaseUrl(site.Value, Request);
        var html = campaign.RenderedHtml
            ?? mails.Render(campaign, campaign.IncludeDigest ? await control.DigestAsync(id.Value, baseUrl, ct) : [], baseUrl).Html;
        return Preview(html);
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromForm(Name = "subject")] string? subject, [FromForm(Name = "preheader")] string? preheader,
        [FromForm(Name = "body")] string? body, [FromForm(Name = "digest")] bool digest, CancellationToken ct)
    {
        var markdown = body ?? "";
        if (MarkdownRenderer.Problem(markdown) is { } problem)
            return Preview($"<!DOCTYPE html><html lang=\"de\"><body><p>{System.Net.WebUtility.HtmlEncode(problem)}</p></body></html>");
        var baseUrl = SiteUrls.BaseUrl(site.Value, Request);
        var draft = new Campaign { Id = id ?? 0, Subject = subject ?? "", Preheader = preheader, BodyMarkdown = markdown, IncludeDigest = digest };
        var articles = digest && id is int known ? await control.DigestAsync(known, baseUrl, ct) : [];
        return Preview(mails.Render(draft, articles, baseUrl).Html);
    }

    private ContentResult Preview(string html)
    {
        Response.Headers.CacheControl = "no-store";
        SecurityHeaders.AllowMailPreview(HttpContext);
        return Content(html.Replace(CampaignMail.WithdrawPlaceholder, "#abmelden").Replace(CampaignMail.PreferencesPlaceholder, "#einstellungen"), "text/html; charset=utf-8");
    }
}
