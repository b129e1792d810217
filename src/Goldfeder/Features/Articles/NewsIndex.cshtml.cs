using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Articles;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class NewsIndexModel(GoldfederDb db, IOptions<SiteOptions> site) : PageModel
{
    public List<ArticleTeaser> Articles { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public string BaseUrl => SiteUrls.BaseUrl(site.Value, Request);
    public string Canonical => BaseUrl + (PageNumber == 1 ? "/" : $"/?seite={PageNumber}");
    public string JsonLd => ArticleJsonLd.ForList("News", Canonical, Articles, (PageNumber - 1) * Math.Max(1, site.Value.PageSize) + 1, BaseUrl);
    public Pager Pager => Pager.ForPath(PageNumber, PageCount, "/");

    /// <summary>Pages are 1-based (<c>/?seite=2</c>); anything else that is not an existing page is a 404.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "seite")] string? seite, CancellationToken ct)
    {
        var pageNumber = 1;
        if (seite is not null && (!int.TryParse(seite, out pageNumber) || pageNumber < 1)) return NotFound();

        var size = Math.Max(1, site.Value.PageSize);
        var total = await db.Articles.Published().CountAsync(ct);
        PageCount = Math.Max(1, (total + size - 1) / size);
        if (pageNumber > PageCount) return NotFound();

        PageNumber = pageNumber;
        Articles = await db.Articles.Published()
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .AsPictureTeasers()
            .ToListAsync(ct);
        PublicCache.TagShown(HttpContext, Articles.Select(a => a.Id));
        return Page();
    }
}
