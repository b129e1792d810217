using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Articles;

/// <summary>
/// <c>/autor/{slug}</c>: the bio, photo and published articles of one byline. Authors are the bylines editors type
/// (no accounts; bio and photo from <see cref="AuthorProfile"/>, written at /admin/autoren); the slug is the byline's (<see cref="Common.Slug.From"/>), so "Max Muster" is <c>/autor/max-muster</c>.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class AuthorPageModel(GoldfederDb db, IOptions<SiteOptions> site) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<ArticleTeaser> Articles { get; private set; } = [];
    public AuthorCard? Card { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public string BaseUrl => SiteUrls.BaseUrl(site.Value, Request);
    public string Canonical => BaseUrl + (PageNumber == 1 ? $"/autor/{Slug}" : $"/autor/{Slug}?seite={PageNumber}");
    public string JsonLd => ArticleJsonLd.ForList($"Artikel von {Name}", Canonical, Articles, (PageNumber - 1) * Math.Max(1, site.Value.PageSize) + 1, BaseUrl,
        about: ArticleJsonLd.Person(Name, SiteUrls.Author(BaseUrl, Slug), Card?.Bio, Card?.PhotoUrl is { } photo ? BaseUrl + photo : null));
    public Pager Pager => Pager.ForPath(PageNumber, PageCount, $"/autor/{Slug}");

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "seite")] string? seite, CancellationToken ct)
    {
        if (!Common.Slug.IsValid(slug)) return NotFound();
        var bylines = await db.Articles.Published().Where(a => a.Author != "").Select(a => a.Author).Distinct().ToListAsync(ct);
        var names = bylines.Where(b => Common.Slug.From(b) == slug).ToList();
        if (names.Count == 0) return NotFound();
        var pageNumber = 1;
        if (seite is not null && (!int.TryParse(seite, out pageNumber) || pageNumber < 1)) return NotFound();

        var size = Math.Max(1, site.Value.PageSize);
        var articles = db.Articles.Published().Where(a => names.Contains(a.Author));
        var total = await articles.CountAsync(ct);
        PageCount = Math.Max(1, (total + size - 1) / size);
        if (pageNumber > PageCount) return NotFound();

        Slug = slug;
        Name = names[0];
        PageNumber = pageNumber;
        Card = await AuthorCard.ForAsync(db, slug, ct);
        Articles = await articles
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .AsPictureTeasers()
            .ToListAsync(ct);
        PublicCache.TagShown(HttpContext, Articles.Select(a => a.Id));
        return Page();
    }
}
