namespace Goldfeder.Features.Articles;

/// <summary>What categories and tags share: a name an editor types and the slug that identifies it.</summary>
public abstract class Topic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>A short text the editors write for the topic's page (and its meta description); empty shows none.</summary>
    public string Description { get; set; } = "";

    public const int MaxDescription = 500;
    public List<Article> Articles { get; set; } = [];
}
