using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Goldfeder.Common;
using Goldfeder.Features.Articles.Images;

namespace Goldfeder.Features.Articles;

/// <summary>
/// schema.org structured data for Google (https://developers.google.com/search/docs/appearance/structured-data/article):
/// <c>NewsArticle</c> with every recommended property (headline, image, datePublished and dateModified with the Berlin
/// offset, author as Person with url) plus description, publisher with logo, mainEntityOfPage, section and keywords;
/// and a <c>BreadcrumbList</c> News › topic › article. Lists get a <c>CollectionPage</c> whose main entity is an
/// <c>ItemList</c>. Written into <c>&lt;script type="application/ld+json"&gt;</c>; the encoder escapes &lt; &gt; &amp; so
/// no text can end the element (as <c>Careers/JobPostingJsonLd</c>).
/// </summary>
public static class ArticleJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string For(Article a, SiteOptions site, string baseUrl)
    {
        var url = SiteUrls.Article(baseUrl, a.Slug);
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = a.Title,
            ["description"] = ArticleMeta.Description(a),
            ["datePublished"] = BerlinTime.Iso(a.PublishedAtUtc),
            ["dateModified"] = BerlinTime.Iso(a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc),
            ["author"] = a.Author.Length > 0
                ? new JsonObject { ["@type"] = "Person", ["name"] = a.Author, ["url"] = SiteUrls.Author(baseUrl, Slug.From(a.Author)) }
                : Publisher(site, baseUrl),
            ["publisher"] = Publisher(site, baseUrl),
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["inLanguage"] = "de-DE",
        };
        if (LeadImage.From(a.BodyHtml) is { } image) article["image"] = new JsonArray(baseUrl + image.Path);
        if (a.Categories.Count > 0) article["articleSection"] = a.Categories[0].Name;
        if (a.Tags.Count > 0) article["keywords"] = string.Join(", ", a.Tags.Select(t => t.Name));

        var crumbs = new List<(string Name, string Url)> { ("News", baseUrl + "/") };
        if (Topic(a) is { } topic) crumbs.Add((topic.Name, SiteUrls.Topic(baseUrl, topic.Slug)));
        crumbs.Add((a.Title, url));
        var breadcrumbs = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray([.. crumbs.Select((c, i) => (JsonNode)new JsonObject
            {
                ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = c.Name, ["item"] = c.Url,
            })]),
        };
        return new JsonArray(article, breadcrumbs).ToJsonString(Options);
    }

    /// <summary>A list page (front page, topic, author): a CollectionPage whose ItemList holds the page's articles, numbered across pages.</summary>
    public static string ForList(string name, string url, IReadOnlyList<ArticleTeaser> articles, int firstPosition, string baseUrl) =>
        new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CollectionPage",
            ["name"] = name,
            ["url"] = url,
            ["inLanguage"] = "de-DE",
            ["mainEntity"] = new JsonObject
            {
                ["@type"] = "ItemList",
                ["itemListElement"] = new JsonArray([.. articles.Select((t, i) => (JsonNode)new JsonObject
                {
                    ["@type"] = "ListItem", ["position"] = firstPosition + i, ["url"] = SiteUrls.Article(baseUrl, t.Slug), ["name"] = t.Title,
                })]),
            },
        }.ToJsonString(Options);

    /// <summary>The topic an article's breadcrumb passes through: its first category, else its first tag.</summary>
    public static Topic? Topic(Article a) => (Topic?)a.Categories.FirstOrDefault() ?? a.Tags.FirstOrDefault();

    private static JsonObject Publisher(SiteOptions site, string baseUrl) => new()
    {
        ["@type"] = "Organization",
        ["name"] = site.Brand,
        ["url"] = baseUrl + "/",
        ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = site.Logo.StartsWith('/') ? baseUrl + site.Logo : site.Logo },
    };
}
