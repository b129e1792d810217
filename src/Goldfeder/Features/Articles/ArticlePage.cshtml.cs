using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Articles;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ArticlePageModel(GoldfederDb db, IOptions<SiteOptions> site) : PageModel
{
    public Article Article { get; private set; } = null!;
    public List<ArticleTeaser> Related { get; private set; } = [];
    public string BaseUrl { get; private set; } = "";
    public string Canonical => SiteUrls.Article(BaseUrl, Article.Slug);
    public string Description => ArticleMeta.Description(Article);
    public Images.LeadImage? LeadImage { get; private set; }
    /// <summary>The lead image's crops (16:9, 4:3, 1:1) where it has them.</summary>
    public List<(string Url, int Width, int Height)> Crops { get; private set; } = [];
    public string JsonLd => ArticleJsonLd.For(Article, site.Value, BaseUrl, Crops.Select(c => c.Url));

    /// <summary>The picture for share previews: the 16:9 crop (the shape OpenGraph and X show), else the lead image.</summary>
    public (string Url, int Width, int Height) ShareImage =>
        Crops.Count > 0 && Crops[0].Url.EndsWith("-16x9.webp", StringComparison.Ordinal) ? Crops[0] : (LeadImage!.Path, LeadImage.Width, LeadImage.Height);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Published().Include(a => a.Categories).Include(a => a.Tags).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is null)
        {
            var moved = await db.FormerSlugs.Where(f => f.Slug == slug)
                .Join(db.Articles.Published(), f => f.ArticleId, a => a.Id, (f, a) => a.Slug)
                .FirstOrDefaultAsync(ct);
            return moved is null ? NotFound() : RedirectPermanent($"/news/{moved}");
        }
        Article = article;
        BaseUrl = SiteUrls.BaseUrl(site.Value, Request);
        LeadImage = Images.LeadImage.From(article.BodyHtml);
        if (LeadImage is not null) Crops = await Images.ImageStore.CropsOfAsync(db, LeadImage.Path, ct);
        Related = await db.RelatedAsync(article, site.Value.RelatedCount, ct);
        PublicCache.TagShown(HttpContext, Related.Select(r => r.Id).Append(article.Id));
        PublicCache.SetHeaders(HttpContext, article.UpdatedAtUtc);
        return Page();
    }
}
