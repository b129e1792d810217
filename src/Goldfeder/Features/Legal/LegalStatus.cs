using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal;

/// <summary>Which legal pages are still missing or only a placeholder: the admin shows a notice and start-up warns until none are.</summary>
public static class LegalStatus
{
    public static async Task<List<string>> MissingAsync(GoldfederDb db, CancellationToken ct = default)
    {
        var filled = await db.LegalPages.Where(p => !p.IsPlaceholder && p.Markdown != "").Select(p => p.Slug).ToListAsync(ct);
        return LegalPageKinds.All.Where(s => !filled.Contains(s)).Select(LegalPageKinds.Title).ToList();
    }
}
