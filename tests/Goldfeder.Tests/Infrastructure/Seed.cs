namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// The customer's live page as a reader sees it, one text block a line: a copy of shared/seed/customer-article-page.txt,
/// kept beside the tests so that they compare against the customer's words, not against our own demo file.
/// </summary>
public static class Seed
{
    public static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "customer-article-page.txt"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0)
        .ToArray();

    public const string Slug = "macron-sucht-draht-zu-putin-und-stellt-sich-gegen-trump";
}
