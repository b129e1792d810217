using Goldfeder.Common;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Feeds;

/// <summary>
/// A site at https://www.example.de (Site:BaseUrl) with articles in topics, one with a picture, one from an hour ago
/// (for Google News), and a draft and a scheduled one that no feed may show. The tests only read.
/// </summary>
public sealed class FeedFixture() : GoldfederApp(new() { ["Site:BaseUrl"] = "https://www.example.de/" }), IAsyncLifetime
{
    public const string BaseUrl = "https://www.example.de";
    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task InitializeAsync()
    {
        var picture = await this.UploadImageAsync(1600, 900, "Goldbarren im Tresor");
        await Save("silber-im-sommer", "Silber im Sommer", new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc), ArticleStatus.Published,
            $"![Barren]({picture})\n\nText über Silber.", category: "Märkte", tag: "Silber", author: "Erika Kaiser");
        await Save("gold-im-winter", "Gold im Winter", new DateTime(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc), ArticleStatus.Published,
            "Text über Gold.", category: "Märkte", tag: "Gold");
        await Save("eilmeldung", "Eilmeldung: Goldpreis springt", Now.AddHours(-1), ArticleStatus.Published, "Ganz frisch.", tag: "Gold");
        await Save("entwurf-geheim", "Geheimer Entwurf", Now.AddHours(-2), ArticleStatus.Draft, "Noch nicht fertig.", tag: "Gold");
        await Save("geplant-geheim", "Geplanter Artikel", Now.AddDays(2), ArticleStatus.Scheduled, "Erscheint später.", tag: "Gold");
    }

    private Task Save(string slug, string title, DateTime at, ArticleStatus status, string body, string? category = null, string? tag = null, string author = "") =>
        InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Goldfeder.Data.GoldfederDb>();
            var article = new Article
            {
                Slug = slug, Title = title, Lead = $"Vorspann zu {title} & mehr.", BodyMarkdown = body, Author = author,
                Status = status, PublishedAtUtc = at,
                Categories = category is null ? [] : [db.Categories.FirstOrDefault(c => c.Slug == Slug.From(category)) ?? new Category { Name = category, Slug = Slug.From(category) }],
                Tags = tag is null ? [] : [db.Tags.FirstOrDefault(t => t.Slug == Slug.From(tag)) ?? new Tag { Name = tag, Slug = Slug.From(tag) }],
            };
            await services.GetRequiredService<ArticleSaver>().SaveAsync(article);
        });

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
