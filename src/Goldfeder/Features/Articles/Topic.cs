namespace Goldfeder.Features.Articles;

/// <summary>What categories and tags share: a name an editor types and the slug that identifies it.</summary>
public abstract class Topic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<Article> Articles { get; set; } = [];
}
