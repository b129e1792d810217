using Goldfeder.Common;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>
/// Reads a WordPress export (WXR: RSS 2.0 with the wp:, content:, excerpt: and dc: namespaces). Only items of
/// post type "post" are read; pages, attachments, menu items and trashed posts are left out. DTDs are refused and no
/// external entity is ever resolved, so a crafted file cannot read local files or reach the network (XXE).
/// </summary>
public static class WxrReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static List<WxrPost> Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
        XDocument document;
        using var reader = XmlReader.Create(stream, settings);
        try
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var line = e.LineNumber > 0 ? e.LineNumber : DoctypeLine(stream);
            throw new WxrFormatException(line, $"kein gültiges XML ({e.Message})");
        }

        var root = document.Root!;
        var channel = root.Name == "rss" ? root.Element("channel") : null;
        var wp = root.GetNamespaceOfPrefix("wp");
        if (channel is null || wp is null || !wp.NamespaceName.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal))
            throw new WxrFormatException(LineOf(root), "keine WordPress-Exportdatei (WXR): <rss> mit <channel> und dem wp:-Namensraum erwartet");
        var excerpt = root.GetNamespaceOfPrefix("excerpt") ?? XNamespace.Get(wp.NamespaceName + "excerpt/");

        var displayNames = channel.Elements(wp + "author").ToDictionary(
            a => Text(a, wp + "author_login"),
            a => FirstNonEmpty(Text(a, wp + "author_display_name"), $"{Text(a, wp + "author_first_name")} {Text(a, wp + "author_last_name")}".Trim(), Text(a, wp + "author_login")));

        var posts = new List<WxrPost>();
        foreach (var item in channel.Elements("item"))
        {
            if (Text(item, wp + "post_type") != "post") continue;
            var status = Text(item, wp + "status");
            if (status is "trash" or "auto-draft" or "inherit") continue;
            posts.Add(ReadPost(item, wp, excerpt, status, displayNames));
        }
        var twice = posts.GroupBy(p => p.PostId).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new WxrFormatException(twice.Last().Line, $"die Beitrags-ID {twice.Key} kommt mehrfach vor");
        var sameGuid = posts.GroupBy(p => p.Guid).FirstOrDefault(g => g.Count() > 1);
        if (sameGuid is not null) throw new WxrFormatException(sameGuid.Last().Line, $"die guid {sameGuid.Key} kommt mehrfach vor");
        return posts;
    }

    /// <summary>The longest post text (HTML) taken; the article editor's own limit is 200,000 characters of Markdown.</summary>
    public const int MaxContentLength = 1_000_000;

    private static WxrPost ReadPost(XElement item, XNamespace wp, XNamespace excerpt, string status, Dictionary<string, string> displayNames)
    {
        var line = LineOf(item);
        var title = Text(item, "title");
        if (title.Length == 0) throw new WxrFormatException(line, "Beitrag ohne Titel");
        if (title.Length > 300) throw new WxrFormatException(LineOf(item.Element("title")!), "Titel länger als 300 Zeichen");
        if (!int.TryParse(Text(item, wp + "post_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var postId) || postId <= 0)
            throw new WxrFormatException(LineOf(item.Element(wp + "post_id") ?? item), "Beitrag ohne gültige wp:post_id");

        var link = Text(item, "link");
        var guid = FirstNonEmpty(Text(item, "guid"), $"wordpress-post-{postId}");
        if (link.Length > 0 && !Uri.TryCreate(link, UriKind.Absolute, out _))
            throw new WxrFormatException(LineOf(item.Element("link")!), $"<link> ist keine absolute Adresse: {link}");

        var content = Text(item, Content + "encoded");
        var excerptHtml = Text(item, excerpt + "encoded");
        // Checked before any HTML parser sees it: deep nesting costs parsers time that grows with its square.
        if (content.Length > MaxContentLength) throw new WxrFormatException(line, $"Beitragstext länger als {MaxContentLength:N0} Zeichen");
        if (excerptHtml.Length > MaxContentLength) throw new WxrFormatException(line, $"Auszug länger als {MaxContentLength:N0} Zeichen");
        if (HtmlNesting.DepthOf(content) > HtmlNesting.Limit || HtmlNesting.DepthOf(excerptHtml) > HtmlNesting.Limit)
            throw new WxrFormatException(line, $"Beitrag „{title}“ verschachtelt HTML tiefer als {HtmlNesting.Limit} Ebenen");

        var login = Text(item, Dc + "creator");
        var topics = item.Elements("category")
            .Select(c => (Domain: (string?)c.Attribute("domain"), Topic: new WxrTopic(c.Value.Trim(), TopicSlug(c))))
            .Where(c => c.Topic.Name.Length > 0)
            .ToList();

        return new WxrPost(
            line, postId, guid, link, title, Uri.UnescapeDataString(Text(item, wp + "post_name")),
            PublishedAt(item, wp, line), StatusOf(status), displayNames.GetValueOrDefault(login, login),
            excerptHtml, content,
            topics.Where(t => t.Domain == "category").Select(t => t.Topic).DistinctBy(t => t.Slug).ToList(),
            topics.Where(t => t.Domain == "post_tag").Select(t => t.Topic).DistinctBy(t => t.Slug).ToList());
    }

    /// <summary>publish → Published, future → Scheduled; draft, pending, private and anything unknown stay out of public view.</summary>
    private static ArticleStatus StatusOf(string status) => status switch
    {
        "publish" => ArticleStatus.Published,
        "future" => ArticleStatus.Scheduled,
        _ => ArticleStatus.Draft,
    };

    /// <summary>
    /// wp:post_date_gmt is UTC; drafts carry "0000-00-00 00:00:00" there, so wp:post_date, the site's wall clock,
    /// is read as Europe/Berlin instead (the customer's site's time zone).
    /// </summary>
    private static DateTime PublishedAt(XElement item, XNamespace wp, int line)
    {
        const string format = "yyyy-MM-dd HH:mm:ss";
        if (DateTime.TryParseExact(Text(item, wp + "post_date_gmt"), format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (!DateTime.TryParseExact(Text(item, wp + "post_date"), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new WxrFormatException(LineOf(item.Element(wp + "post_date") ?? item), "Beitrag ohne gültiges Datum (wp:post_date)");
        // A wall-clock time skipped in spring is taken as the hour after; a doubled autumn hour as its first occurrence.
        if (BerlinTime.Zone.IsInvalidTime(local)) local = local.AddHours(1);
        if (BerlinTime.Zone.IsAmbiguousTime(local))
            return DateTime.SpecifyKind(local - BerlinTime.Zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeToUtc(local, BerlinTime.Zone);
    }

    /// <summary>A prohibited DTD is reported without a position: the line is looked up where the stream allows it.</summary>
    private static int DoctypeLine(Stream stream)
    {
        if (!stream.CanSeek) return 1;
        stream.Position = 0;
        using var text = new StreamReader(stream, leaveOpen: true);
        var number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (line.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)) return number;
        }
        return 1;
    }

    private static string TopicSlug(XElement category)
    {
        var nicename = Uri.UnescapeDataString((string?)category.Attribute("nicename") ?? "");
        return Slug.IsValid(nicename) && nicename.Length <= 100 ? nicename : Slug.From(nicename.Length > 0 ? nicename : category.Value, 100);
    }

    private static string Text(XElement parent, XName name) => parent.Element(name)?.Value.Trim() ?? "";

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";

    private static int LineOf(XObject node) => ((IXmlLineInfo)node).LineNumber;
}
