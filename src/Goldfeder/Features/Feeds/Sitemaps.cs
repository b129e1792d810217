using System.Text;
using System.Xml;
using Goldfeder.Common;

namespace Goldfeder.Features.Feeds;

/// <summary>
/// Sitemaps (https://www.sitemaps.org/protocol.html) and the Google News sitemap
/// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): absolute addresses, W3C times
/// with the Berlin offset.
/// </summary>
public static class Sitemaps
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>The protocol's limit of addresses per file.</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Google News takes at most 1,000 <c>news:news</c> per sitemap.</summary>
    public const int MaxNews = 1_000;

    public sealed record Entry(string Url, DateTime? LastModifiedUtc);

    public sealed record NewsEntry(string Url, string Title, DateTime PublishedAtUtc);

    public static byte[] Index(IEnumerable<Entry> sitemaps) => Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Namespace);
        foreach (var s in sitemaps) WriteEntry(xml, "sitemap", s);
        xml.WriteEndElement();
    });

    public static byte[] UrlSet(IEnumerable<Entry> urls) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        foreach (var u in urls) WriteEntry(xml, "url", u);
        xml.WriteEndElement();
    });

    public static byte[] News(string publication, IEnumerable<NewsEntry> articles) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var a in articles)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, a.Url);
            xml.WriteStartElement("news", "news", NewsNamespace);
            xml.WriteStartElement("news", "publication", NewsNamespace);
            xml.WriteElementString("news", "name", NewsNamespace, publication);
            xml.WriteElementString("news", "language", NewsNamespace, "de");
            xml.WriteEndElement();
            xml.WriteElementString("news", "publication_date", NewsNamespace, BerlinTime.Iso(a.PublishedAtUtc));
            xml.WriteElementString("news", "title", NewsNamespace, a.Title);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static void WriteEntry(XmlWriter xml, string element, Entry entry)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteElementString("loc", Namespace, entry.Url);
        if (entry.LastModifiedUtc is { } at) xml.WriteElementString("lastmod", Namespace, BerlinTime.Iso(at));
        xml.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            body(xml);
        }
        return buffer.ToArray();
    }
}
