namespace Goldfeder.Features.Articles;

public sealed record ArticleTeaser(int Id, string Slug, string Title, string Lead, DateTime PublishedAtUtc);
