namespace Goldfeder.Features.Articles;

/// <summary>An article in a list; <paramref name="Image"/> is its lead image, when it has one (teaser pictures).</summary>
public sealed record ArticleTeaser(int Id, string Slug, string Title, string Lead, DateTime PublishedAtUtc, Images.LeadImage? Image = null);
