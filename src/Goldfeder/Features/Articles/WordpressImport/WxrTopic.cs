namespace Goldfeder.Features.Articles.WordpressImport;

public sealed record WxrTopic(string Name, string Slug);
