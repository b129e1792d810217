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

    public static Task<Article> FindArticleAsync(this GoldfederApp app, string slug) =>
        app.InScopeAsync(services => services.GetRequiredService<GoldfederDb>().Articles.AsNoTracking().SingleAsync(a => a.Slug == slug));
}
