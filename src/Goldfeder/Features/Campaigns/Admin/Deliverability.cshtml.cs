using Goldfeder.Features.Campaigns.Bounces;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>Bounce and complaint rates per campaign and per week, against the providers' published limits.</summary>
public sealed class DeliverabilityModel(BounceRates rates) : PageModel
{
    public const int Weeks = 12;
    public BounceRates.Report Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Report = await rates.ReportAsync(Weeks, ct);
    }
}
