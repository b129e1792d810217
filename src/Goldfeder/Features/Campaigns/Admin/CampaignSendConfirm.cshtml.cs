using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>
/// The step before "Jetzt an alle senden": subject and the number of confirmed subscribers, and the one button that
/// starts the send (the edit page's Send handler). A page of its own, so it works without script.
/// </summary>
public sealed class CampaignSendConfirmModel(GoldfederDb db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string Subject { get; private set; } = "";
    public int Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == Id).Select(c => new { c.Subject, c.Status }).FirstOrDefaultAsync(ct);
        if (campaign is null) return NotFound();
        if (campaign.Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled)) return Redirect($"/admin/newsletter/versand/{Id}");
        Subject = campaign.Subject;
        Confirmed = await db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed, ct);
        return Page();
    }
}
