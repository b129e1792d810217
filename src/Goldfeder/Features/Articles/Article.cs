namespace Goldfeder.Features.Articles;

public class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Lead { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>The byline's display name ("von Max Muster"); empty shows no byline.</summary>
    public string Author { get; set; } = "";

    /// <summary>
    /// The editor's meta description (at most <see cref="ArticleMeta.MaxDescription"/> characters) for search results and
    /// shares; empty uses the lead, shortened at a word (<see cref="ArticleMeta.Description"/>).
    /// </summary>
    public string Description { get; set; } = "";

    /// <summary>Sanitised HTML rendered from <see cref="BodyMarkdown"/> when the article is saved, never per request.</summary>
    public string BodyHtml { get; set; } = "";

    public ArticleStatus Status { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<ArticleRelation> Related { get; set; } = [];
    public List<Category> Categories { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
}
