using Goldfeder.Features.Articles;

namespace Goldfeder.Features.Feeds;

/// <summary>What a feed item needs of an article.</summary>
public sealed record FeedArticle(
    int Id, string Slug, string Title, string Lead, string Author, string BodyHtml, DateTime PublishedAtUtc, DateTime UpdatedAtUtc,
    List<string> Categories, List<string> Tags)
{
    public static IQueryable<FeedArticle> From(IQueryable<Article> articles) =>
        articles.Select(a => new FeedArticle(a.Id, a.Slug, a.Title, a.Lead, a.Author, a.BodyHtml, a.PublishedAtUtc, a.UpdatedAtUtc,
            a.Categories.Select(c => c.Name).ToList(), a.Tags.Select(t => t.Name).ToList()));
}
