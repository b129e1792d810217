using System.Globalization;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Goldfeder.Common;

namespace Goldfeder.Features.Articles;

/// <summary>
/// Loads the Markdown files in DemoContent/ (front matter + body) so that a fresh start shows the customer's article.
/// Idempotent: an article whose slug already exists is left as it is, so restarts duplicate nothing and never undo an editor's change.
/// </summary>
public static class DemoContent
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Features", "Articles", "DemoContent");

    public static async Task<int> LoadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var saver = scope.ServiceProvider.GetRequiredService<ArticleSaver>();

        var files = Directory.GetFiles(Folder, "*.md").Order(StringComparer.Ordinal).Select(Parse).ToList();
        var existing = await db.Articles.Select(a => a.Slug).ToListAsync(ct);
        var added = new List<(DemoFile File, Article Article)>();
        foreach (var file in files.Where(f => !existing.Contains(f.Meta.Slug)))
        {
            var article = new Article
            {
                Slug = file.Meta.Slug,
                Title = file.Meta.Title,
                Lead = file.Meta.Lead,
                BodyMarkdown = file.Body,
                Author = file.Meta.Author,
                Status = ArticleStatus.Published,
                PublishedAtUtc = DateTimeOffset.Parse(file.Meta.Published, CultureInfo.InvariantCulture).UtcDateTime,
            };
            await saver.SaveAsync(article, ct);
            added.Add((file, article));
        }

        var ids = await db.Articles.ToDictionaryAsync(a => a.Slug, a => a.Id, ct);
        foreach (var (file, article) in added)
        {
            var position = 0;
            foreach (var related in file.Meta.Related.Where(ids.ContainsKey))
                db.ArticleRelations.Add(new ArticleRelation { ArticleId = article.Id, RelatedArticleId = ids[related], Position = position++ });
        }
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    internal static DemoFile Parse(string path)
    {
        var (meta, body) = FrontMatterFile.Read<FrontMatter>(path);
        if (string.IsNullOrWhiteSpace(meta.Slug) || string.IsNullOrWhiteSpace(meta.Title))
            throw new InvalidDataException($"{path}: front matter needs slug and title.");
        return new DemoFile(meta, body);
    }

    internal sealed record DemoFile(FrontMatter Meta, string Body);

    internal sealed class FrontMatter
    {
        public string Slug { get; set; } = "";
        public string Title { get; set; } = "";
        public string Lead { get; set; } = "";
        public string Author { get; set; } = "";
        public string Published { get; set; } = "";
        public List<string> Related { get; set; } = [];
    }
}
