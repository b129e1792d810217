namespace Goldfeder.Features.Articles;

/// <summary>A section of the news ("Rubrik"), such as Marktberichte.</summary>
public class Category : Topic;
