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

    /// <param name="cropUrls">The lead image's crops (16:9, 4:3, 1:1), which Google prefers; without them the lead image as it is.</param>
    public static string For(Article a, SiteOptions site, string baseUrl, IEnumerable<string> cropUrls)
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
                ? Person(a.Author, SiteUrls.Author(baseUrl, Slug.From(a.Author)))
                : Publisher(site, baseUrl),
            ["publisher"] = Publisher(site, baseUrl),
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["inLanguage"] = "de-DE",
        };
        var images = cropUrls.Select(u => baseUrl + u).ToList();
        if (images.Count == 0 && LeadImage.From(a.BodyHtml) is { } image) images.Add(baseUrl + image.Path);
        if (images.Count > 0) article["image"] = new JsonArray([.. images.Select(u => (JsonNode)u)]);
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
    public static string ForList(string name, string url, IReadOnlyList<ArticleTeaser> articles, int firstPosition, string baseUrl, JsonObject? about = null)
    {
        var page = new JsonObject
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
        };
        if (about is not null) page["about"] = about;
        return page.ToJsonString(Options);
    }

    /// <summary>An author as schema.org <c>Person</c>; bio and photo only where the author has them.</summary>
    public static JsonObject Person(string name, string url, string? bio = null, string? imageUrl = null)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = name, ["url"] = url };
        if (!string.IsNullOrEmpty(bio)) person["description"] = bio;
        if (imageUrl is not null) person["image"] = imageUrl;
        return person;
    }

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
