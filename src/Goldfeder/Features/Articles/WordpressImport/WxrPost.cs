namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>A post as the export describes it, before it becomes an article.</summary>
public sealed record WxrPost(
    int Line, int PostId, string Guid, string Link, string Title, string SlugHint, DateTime PublishedAtUtc, ArticleStatus Status,
    string Author, string ExcerptHtml, string ContentHtml, List<WxrTopic> Categories, List<WxrTopic> Tags);
