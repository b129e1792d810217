using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Infrastructure;

public static class ArticleFixtures
{
    public static Task<Article> SaveArticleAsync(this GoldfederApp app, string slug, string title, DateTime publishedAtUtc, string body = "## Abschnitt\n\nText.") =>
        app.InScopeAsync(async services =>
        {
            var article = new Article
            {
                Slug = slug,
                Title = title,
                Lead = $"Vorspann zu {title}.",
                BodyMarkdown = body,
                Status = ArticleStatus.Published,
                PublishedAtUtc = publishedAtUtc,
            };
            await services.GetRequiredService<ArticleSaver>().SaveAsync(article);
            return article;
        });

    /// <summary>Uploads a generated picture through the real image store; returns the address the Markdown names.</summary>
    public static Task<string> UploadImageAsync(this GoldfederApp app, int width, int height, string alt) =>
        app.InScopeAsync(async services =>
        {
            using var bitmap = new SkiaSharp.SKBitmap(width, height);
            bitmap.Erase(SkiaSharp.SKColors.Goldenrod);
            using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            var bytes = png.ToArray();
            var image = await services.GetRequiredService<Goldfeder.Features.Articles.Images.ImageStore>()
                .UploadAsync(new MemoryStream(bytes), bytes.Length, alt, "Kettner Edelmetalle", "test", CancellationToken.None);
            return image.Url;
        });

    public static Task<Article> FindArticleAsync(this GoldfederApp app, string slug) =>
        app.InScopeAsync(services => services.GetRequiredService<GoldfederDb>().Articles.AsNoTracking().SingleAsync(a => a.Slug == slug));
}
