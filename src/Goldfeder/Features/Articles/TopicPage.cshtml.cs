using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Articles;

/// <summary><c>/thema/{slug}</c>: the published articles of a category or tag, newest first, paged like the front page.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class TopicPageModel(GoldfederDb db, IOptions<SiteOptions> site) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<ArticleTeaser> Articles { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public string BaseUrl => SiteUrls.BaseUrl(site.Value, Request);
    public string Canonical => BaseUrl + (PageNumber == 1 ? $"/thema/{Slug}" : $"/thema/{Slug}?seite={PageNumber}");
    public string JsonLd => ArticleJsonLd.ForList($"Thema: {Name}", Canonical, Articles, (PageNumber - 1) * Math.Max(1, site.Value.PageSize) + 1, BaseUrl);
    public Pager Pager => Pager.ForPath(PageNumber, PageCount, $"/thema/{Slug}");

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "seite")] string? seite, CancellationToken ct)
    {
        if (!Common.Slug.IsValid(slug) || await db.TopicAsync(slug, ct) is not { } topic) return NotFound();
        var pageNumber = 1;
        if (seite is not null && (!int.TryParse(seite, out pageNumber) || pageNumber < 1)) return NotFound();

        var size = Math.Max(1, site.Value.PageSize);
        var articles = db.Articles.Published().InTopic(slug);
        var total = await articles.CountAsync(ct);
        PageCount = Math.Max(1, (total + size - 1) / size);
        if (pageNumber > PageCount) return NotFound();

        Slug = slug;
        Name = topic.Name;
        Description = topic.Description;
        PageNumber = pageNumber;
        Articles = await articles
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .AsPictureTeasers()
            .ToListAsync(ct);
        PublicCache.TagShown(HttpContext, Articles.Select(a => a.Id));
        return Page();
    }
}
