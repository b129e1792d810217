using System.Globalization;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>
/// Old WordPress addresses answer with a 301 to the article: each imported permalink (with or without its trailing
/// slash, whatever permalink structure the old site had) and <c>/?p=ID</c>. Only published articles are redirected to,
/// so a draft's address is never revealed.
/// </summary>
public static class WordpressRedirects
{
    /// <summary>
    /// Asks the database only for GET and HEAD requests that no page or file answers, and for <c>/?p=ID</c>, which
    /// lands on the home page's route and must be answered before the output cache (which ignores <c>p</c>).
    /// Routing has already chosen the endpoint here, so every other request passes untouched.
    /// </summary>
    public static IApplicationBuilder UseWordpressRedirects(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var slug = request.Path == "/" && int.TryParse(request.Query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var postId)
                ? await SlugOfPostAsync(http, postId)
                : http.GetEndpoint() is null ? await SlugOfPathAsync(http) : null;
            if (slug is not null)
            {
                http.Response.Redirect($"/news/{slug}", permanent: true);
                return;
            }
        }
        await next(http);
    });

    private static Task<string?> SlugOfPostAsync(HttpContext http, int postId) =>
        http.RequestServices.GetRequiredService<GoldfederDb>().WordpressPosts
            .Where(w => w.PostId == postId && w.Article!.Status == ArticleStatus.Published)
            .Select(w => w.Article!.Slug).FirstOrDefaultAsync(http.RequestAborted);

    /// <summary>The path with its query first (a permalink may have one), then without (tracking parameters added later).</summary>
    private static Task<string?> SlugOfPathAsync(HttpContext http)
    {
        var path = WordpressPost.PathOf(http.Request.Path.Value ?? "/", http.Request.QueryString.Value);
        var bare = WordpressPost.PathOf(http.Request.Path.Value ?? "/", null);
        return http.RequestServices.GetRequiredService<GoldfederDb>().WordpressPosts
            .Where(w => (w.OldPath == path || w.OldPath == bare) && w.Article!.Status == ArticleStatus.Published)
            .OrderByDescending(w => w.OldPath == path)
            .Select(w => w.Article!.Slug).FirstOrDefaultAsync(http.RequestAborted);
    }
}
