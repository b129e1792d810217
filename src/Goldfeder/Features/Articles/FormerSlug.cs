namespace Goldfeder.Features.Articles;

/// <summary>A slug a published article had before: its old URL answers with a 301 to the current one.</summary>
public class FormerSlug
{
    public required string Slug { get; set; }
    public int ArticleId { get; set; }
}
