using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Search;

/// <summary>
/// <c>/suche?q=…&amp;seite=…</c>. Whatever arrives gets a normal page: no words, a page number out of range or one
/// that is no number are read as "nothing to search" and the first page. Output-cached briefly (<see cref="SearchCache"/>).
/// </summary>
[OutputCache(PolicyName = SearchCache.Policy)]
public sealed class SearchPageModel(ArticleSearch search, GoldfederDb db, IOptions<SiteOptions> site) : PageModel
{
    public string Query { get; private set; } = "";
    public SearchQuery Parsed { get; private set; } = SearchQuery.Parse(null);
    public SearchResults Results { get; private set; } = new([], 0);
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public List<string> Suggestions { get; private set; } = [];
    public List<ArticleTeaser> Newest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "seite")] string? seite, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > SearchQuery.MaxInput) Query = Query[..SearchQuery.MaxInput];
        Parsed = SearchQuery.Parse(Query);
        var size = Math.Max(1, site.Value.PageSize);
        PageNumber = int.TryParse(seite, out var n) && n is > 0 and < 10_000 ? n : 1;

        Results = await search.FindAsync(Parsed, PageNumber, size, ct);
        PageCount = Math.Max(1, (Math.Min(Results.Total, ArticleSearch.MaxHits) + size - 1) / size);
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            Results = await search.FindAsync(Parsed, PageNumber, size, ct);
        }
        PublicCache.TagShown(HttpContext, Results.Hits.Select(h => h.ArticleId));
        if (Results.Total == 0)
        {
            Suggestions = await search.WordsWithHitsAsync(Parsed, ct);
            Newest = await db.Articles.Published().OrderByDescending(a => a.PublishedAtUtc).AsTeasers().Take(3).ToListAsync(ct);
        }
        return Page();
    }

    /// <summary>"1 Treffer", "7 Treffer", "1.234 Treffer" (German digit grouping), "mehr als 1.000 Treffer" past the count's cap.</summary>
    public string CountText => Results.Total switch
    {
        1 => "1 Treffer",
        > ArticleSearch.MaxHits => $"mehr als {ArticleSearch.MaxHits.ToString("N0", German)} Treffer",
        var n => $"{n.ToString("N0", German)} Treffer",
    };

    private static readonly System.Globalization.CultureInfo German = Goldfeder.Common.GermanCount.Culture;

    public string PageUrl(int page) => $"/suche?q={Uri.EscapeDataString(Query)}" + (page > 1 ? $"&seite={page}" : "");
}
