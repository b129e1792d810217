namespace Goldfeder.Features.Articles;

/// <summary>What an article's page says about it to search engines and social networks, beyond what readers see.</summary>
public static class ArticleMeta
{
    /// <summary>Search engines show about 155–160 characters of a description.</summary>
    public const int MaxDescription = 160;

    /// <summary>The editor's description, else the lead: whole when it fits, else cut at the last word that fits, with "…".</summary>
    public static string Description(Article article) =>
        article.Description.Length > 0 ? article.Description : Shorten(article.Lead, MaxDescription);

    public static string Shorten(string text, int max)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', '-', '–') + "…";
    }
}
