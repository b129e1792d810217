using Goldfeder.Common;
using System.Globalization;

namespace Goldfeder.Features.Articles;

/// <summary>What an editor submits: German texts in, German errors out, times in Europe/Berlin.</summary>
public sealed class ArticleDraft
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Lead { get; set; }
    public string? Body { get; set; }

    /// <summary>The byline's display name; the admin proposes the logged-in editor's name for a new article.</summary>
    public string? Author { get; set; }

    /// <summary>The meta description; empty uses the lead.</summary>
    public string? Description { get; set; }
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    public string? Date { get; set; }
    public string? Time { get; set; }

    /// <summary>Comma-separated names; new ones are created.</summary>
    public string? Categories { get; set; }
    public string? Tags { get; set; }

    /// <summary>Comma-separated addresses (slugs) of the articles for "Wissenswertes zum Thema", in order.</summary>
    public string? Related { get; set; }

    public static ArticleDraft From(Article article)
    {
        var at = BerlinTime.ToBerlin(article.PublishedAtUtc);
        return new ArticleDraft
        {
            Title = article.Title, Slug = article.Slug, Lead = article.Lead, Body = article.BodyMarkdown, Author = article.Author, Description = article.Description, Status = article.Status,
            Date = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Time = at.ToString("HH:mm", CultureInfo.InvariantCulture),
            Categories = string.Join(", ", article.Categories.Select(c => c.Name)),
            Tags = string.Join(", ", article.Tags.Select(t => t.Name)),
            Related = string.Join(", ", article.Related.OrderBy(r => r.Position).Select(r => r.RelatedArticle?.Slug)),
        };
    }
}
