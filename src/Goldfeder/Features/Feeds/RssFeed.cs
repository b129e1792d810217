using System.Text;
using System.Xml;
using Goldfeder.Common;
using Goldfeder.Features.Articles.Images;

namespace Goldfeder.Features.Feeds;

/// <summary>
/// RSS 2.0 (https://www.rssboard.org/rss-specification): the lead as description, RFC 822 dates with the Berlin offset,
/// the author as <c>dc:creator</c> (RSS's own <c>author</c> must be an e-mail address), categories and tags as
/// <c>category</c>, the lead image as <c>media:content</c> (Media RSS; <c>enclosure</c> would need the byte length),
/// and <c>atom:link rel="self"</c> as the RSS Advisory Board recommends.
/// </summary>
public static class RssFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string Media = "http://search.yahoo.com/mrss/";

    public static byte[] Write(string baseUrl, string title, string link, string description, string selfUrl, IReadOnlyList<FeedArticle> items)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteAttributeString("xmlns", "dc", null, Dc);
            xml.WriteAttributeString("xmlns", "media", null, Media);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", title);
            xml.WriteElementString("link", link);
            xml.WriteElementString("description", description);
            xml.WriteElementString("language", "de-DE");
            if (items.Count > 0) xml.WriteElementString("lastBuildDate", BerlinTime.Rfc822(items.Max(i => i.UpdatedAtUtc)));
            xml.WriteStartElement("atom", "link", Atom);
            xml.WriteAttributeString("href", selfUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in items) WriteItem(xml, baseUrl, item);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void WriteItem(XmlWriter xml, string baseUrl, FeedArticle a)
    {
        var url = SiteUrls.Article(baseUrl, a.Slug);
        xml.WriteStartElement("item");
        xml.WriteElementString("title", a.Title);
        xml.WriteElementString("link", url);
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "true");
        xml.WriteString(url);
        xml.WriteEndElement();
        xml.WriteElementString("description", a.Lead);
        xml.WriteElementString("pubDate", BerlinTime.Rfc822(a.PublishedAtUtc));
        if (a.Author.Length > 0) xml.WriteElementString("creator", Dc, a.Author);
        foreach (var topic in a.Categories.Concat(a.Tags).Distinct()) xml.WriteElementString("category", topic);
        if (LeadImage.From(a.BodyHtml) is { } image)
        {
            xml.WriteStartElement("media", "content", Media);
            xml.WriteAttributeString("url", baseUrl + image.Path);
            xml.WriteAttributeString("type", LeadImage.ContentType);
            xml.WriteAttributeString("medium", "image");
            if (image.Width > 0) xml.WriteAttributeString("width", image.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (image.Height > 0) xml.WriteAttributeString("height", image.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
