using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary><c>/vorschau/{token}</c>: an article as last saved, for the colleague an editor sent the secret link to.</summary>
public sealed class DraftPreviewModel(GoldfederDb db, PreviewLinks links) : PageModel
{
    public Article? Article { get; private set; }
    public DateTime ExpiresUtc { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        // The token is the secret: no Referer may carry it to a site the article links to.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (links.Read(token) is { } link)
        {
            Article = await db.Articles.AsNoTracking().Include(a => a.Categories).Include(a => a.Tags).AsSplitQuery()
                .FirstOrDefaultAsync(a => a.Id == link.ArticleId, ct);
            ExpiresUtc = link.ExpiresUtc;
        }
        if (Article is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
