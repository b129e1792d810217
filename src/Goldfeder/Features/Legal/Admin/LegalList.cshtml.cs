using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal.Admin;

/// <summary>The two legal pages with their state: missing, placeholder, or when last saved.</summary>
public sealed class LegalListModel(GoldfederDb db) : PageModel
{
    public Dictionary<string, LegalPage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Pages = await db.LegalPages.AsNoTracking().ToDictionaryAsync(p => p.Slug, ct);
    }
}
