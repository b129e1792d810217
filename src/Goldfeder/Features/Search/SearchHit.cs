namespace Goldfeder.Features.Search;

/// <summary>One found article; <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded with the matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(int ArticleId, string Slug, string TitleHtml, string SnippetHtml, DateTime PublishedAtUtc);
