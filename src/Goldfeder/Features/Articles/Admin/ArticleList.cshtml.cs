using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.Admin;

public sealed class ArticleListModel(GoldfederDb db) : PageModel
{
    [BindProperty(Name = "suche", SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(Name = "status", SupportsGet = true)] public ArticleStatus? Status { get; set; }
    [BindProperty(Name = "rubrik", SupportsGet = true)] public string? Category { get; set; }
    public List<Category> Categories { get; private set; } = [];
    public List<Article> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(term));
        }
        if (Status is { } status) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrEmpty(Category)) query = query.Where(a => a.Categories.Any(c => c.Slug == Category));
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        Articles = await query.OrderByDescending(a => a.UpdatedAtUtc).Take(200).ToListAsync(ct);
    }
}
