using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>
/// Turns a WXR file's posts into articles, all in one transaction through <see cref="ArticleSaver"/>: a file that
/// cannot be read is refused before anything is written. A post whose WordPress id or guid is already known is
/// left alone, so importing the same file again changes nothing, and an editor's later changes are never overwritten.
/// </summary>
public sealed partial class WordpressImporter(GoldfederDb db, ArticleSaver saver)
{
    public async Task<ImportSummary> ImportAsync(Stream wxr, string importedBy, CancellationToken ct = default)
    {
        var posts = WxrReader.Read(wxr);

        var ids = posts.Select(p => p.PostId).ToList();
        var guids = posts.Select(p => p.Guid).ToList();
        var known = await db.WordpressPosts.Where(w => ids.Contains(w.PostId) || guids.Contains(w.Guid))
            .Select(w => new { w.PostId, w.Guid }).ToListAsync(ct);
        var fresh = posts.Where(p => !known.Any(k => k.PostId == p.PostId || k.Guid == p.Guid)).ToList();

        var takenSlugs = (await db.Articles.Select(a => a.Slug).ToListAsync(ct)).ToHashSet();
        var categories = new TopicPool<Category>(db.Categories, (name, slug) => new Category { Name = name, Slug = slug });
        var tags = new TopicPool<Tag>(db.Tags, (name, slug) => new Tag { Name = name, Slug = slug });
        var slugs = fresh.ToDictionary(p => p.PostId, p => UniqueSlug(p, takenSlugs));
        var links = await LinkTargetsAsync(posts, slugs, ct);
        var articles = new List<Article>();
        foreach (var post in fresh)
        {
            var lead = LeadOf(post);
            var converted = RewriteLinks(HtmlToMarkdown.Convert(post.ContentHtml), links);
            // Markdown that Markdig refuses would fail here and on every later save: the file is refused instead.
            if (MarkdownRenderer.Problem(converted) is { } unrenderable) throw new WxrFormatException(post.Line, $"Beitrag „{post.Title}“: {unrenderable}");
            var content = WithoutLeadParagraph(converted, lead);
            var article = new Article
            {
                Slug = slugs[post.PostId],
                Title = post.Title,
                Lead = lead,
                // The editor and the saver expect a body; an empty post keeps a visible placeholder to fill in.
                BodyMarkdown = content.Length > 0 ? content : "*(ohne Text)*\n",
                Author = post.Author.Length > 200 ? post.Author[..200] : post.Author,
                Status = post.Status,
                PublishedAtUtc = post.PublishedAtUtc,
                Categories = await categories.GetAsync(post.Categories, ct),
                Tags = await tags.GetAsync(post.Tags, ct),
            };
            articles.Add(article);
            db.WordpressPosts.Add(new WordpressPost { PostId = post.PostId, Guid = post.Guid, OldPath = OldPath(post), Article = article });
        }
        if (articles.Count > 0) await saver.SaveAllAsync(articles, importedBy, ct);

        return new ImportSummary(articles.Count, posts.Count - fresh.Count,
            articles.Count(a => a.Status == ArticleStatus.Published), articles.Count(a => a.Status == ArticleStatus.Scheduled),
            articles.Count(a => a.Status == ArticleStatus.Draft));
    }

    /// <summary>Old permalinks (absolute, as the posts link to each other) and the new address of their article.</summary>
    private async Task<Dictionary<string, string>> LinkTargetsAsync(List<WxrPost> posts, Dictionary<int, string> slugs, CancellationToken ct)
    {
        var earlier = await db.WordpressPosts.Select(w => new { w.PostId, w.Article!.Slug }).ToDictionaryAsync(w => w.PostId, w => w.Slug, ct);
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var post in posts.Where(p => p.Link.Length > 0))
        {
            var slug = slugs.GetValueOrDefault(post.PostId) ?? earlier.GetValueOrDefault(post.PostId);
            if (slug is null) continue;
            var uri = new Uri(post.Link);
            targets[uri.Host + WordpressPost.PathOf(uri.AbsolutePath, uri.Query)] = $"/news/{slug}";
            targets[uri.Host + $"/?p={post.PostId}"] = $"/news/{slug}";
        }
        return targets;
    }

    /// <summary>Links from one imported post to another point at the new article instead of the old site.</summary>
    private static string RewriteLinks(string markdown, Dictionary<string, string> targets) =>
        targets.Count == 0 ? markdown : MarkdownLink().Replace(markdown, m =>
        {
            if (!Uri.TryCreate(m.Groups[1].Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return m.Value;
            return targets.TryGetValue(uri.Host + WordpressPost.PathOf(uri.AbsolutePath, uri.Query), out var target) ? $"]({target}{uri.Fragment})" : m.Value;
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"\]\((https?://[^\s)<>]+)\)")]
    private static partial System.Text.RegularExpressions.Regex MarkdownLink();

    /// <summary>The permalink as the old site gave it; a post without &lt;link&gt; is still reachable as /?p=ID.</summary>
    private static string OldPath(WxrPost post)
    {
        if (post.Link.Length == 0) return $"/?p={post.PostId}";
        var uri = new Uri(post.Link);
        return WordpressPost.PathOf(uri.AbsolutePath, uri.Query);
    }

    /// <summary>wp:post_name if it already is a valid slug, else re-slugged (umlauts transliterated); -2, -3 … when taken.</summary>
    private static string UniqueSlug(WxrPost post, HashSet<string> taken)
    {
        var wanted = Slug.IsValid(post.SlugHint) ? post.SlugHint : Slug.From(post.SlugHint.Length > 0 ? post.SlugHint : post.Title);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++) slug = $"{wanted}-{n}";
        taken.Add(slug);
        return slug;
    }

    /// <summary>The excerpt as plain text, or else the first paragraph; cut at a word to fit the 2,000 characters of a lead.</summary>
    private static string LeadOf(WxrPost post)
    {
        var lead = HtmlToMarkdown.PlainText(post.ExcerptHtml);
        if (lead.Length == 0) lead = HtmlToMarkdown.FirstParagraph(post.ContentHtml);
        if (lead.Length <= 2000) return lead;
        var cut = lead.LastIndexOf(' ', 1995);
        return lead[..(cut > 0 ? cut : 1995)] + " …";
    }

    /// <summary>
    /// The page shows the lead right above the text: when the lead is the text's first paragraph (a post without
    /// excerpt), that paragraph is not shown twice. A post of one paragraph keeps it.
    /// </summary>
    private static string WithoutLeadParagraph(string markdown, string lead)
    {
        var blocks = markdown.Split("\n\n");
        if (blocks.Length < 2 || lead.Length == 0) return markdown;
        var first = Whitespace().Replace(Markdig.Markdown.ToPlainText(blocks[0]), " ").Trim();
        return first == lead ? string.Join("\n\n", blocks[1..]) : markdown;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    /// <summary>Categories or tags found by slug, or created once per import and shared by every post that names them.</summary>
    private sealed class TopicPool<T>(DbSet<T> set, Func<string, string, T> create) where T : Topic
    {
        private readonly Dictionary<string, T> _bySlug = [];

        public async Task<List<T>> GetAsync(List<WxrTopic> topics, CancellationToken ct)
        {
            var result = new List<T>();
            foreach (var topic in topics)
            {
                if (!_bySlug.TryGetValue(topic.Slug, out var found))
                {
                    found = await set.FirstOrDefaultAsync(t => t.Slug == topic.Slug, ct) ?? create(Shorten(topic.Name), topic.Slug);
                    _bySlug[topic.Slug] = found;
                }
                result.Add(found);
            }
            return result;
        }

        private static string Shorten(string name) => name.Length > 100 ? name[..100] : name;
    }
}
