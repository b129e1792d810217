using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal;

/// <summary><c>/impressum</c> and <c>/datenschutz</c>: what the Admin wrote, or a German note while nothing is written yet.</summary>
[OutputCache(PolicyName = PublicCache.Policy, Tags = [LegalPageSaver.CacheTag])]
public sealed class LegalPageViewModel(GoldfederDb db) : PageModel
{
    public string Title { get; private set; } = "";
    public LegalPage? Text { get; private set; }

    public async Task OnGetAsync(string slug, CancellationToken ct)
    {
        Title = LegalPageKinds.Title(slug);
        Text = await db.LegalPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
    }
}
