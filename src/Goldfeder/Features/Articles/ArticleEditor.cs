using Goldfeder.Common;
using System.Globalization;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>Checks an editor's draft and applies it to an article; the save itself goes through <see cref="ArticleSaver"/>.</summary>
public sealed class ArticleEditor(GoldfederDb db, TimeProvider clock)
{
    public static string StatusLabel(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Entwurf",
        ArticleStatus.Scheduled => "Geplant",
        ArticleStatus.Published => "Veröffentlicht",
        _ => "Zurückgezogen",
    };

    public const int MaxBodyLength = 200_000;

    /// <summary>Returns German errors by field; empty when the draft was applied to <paramref name="article"/>.</summary>
    public async Task<Dictionary<string, string>> ApplyAsync(ArticleDraft draft, Article article, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = draft.Title?.Trim() ?? "";
        var lead = draft.Lead?.Trim() ?? "";
        var body = draft.Body ?? "";
        var author = draft.Author?.Trim() ?? "";
        var description = draft.Description?.Trim() ?? "";
        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? Slug.From(title) : draft.Slug.Trim();

        if (title.Length == 0) errors["Title"] = "Bitte geben Sie eine Überschrift ein.";
        else if (title.Length > 300) errors["Title"] = "Die Überschrift darf höchstens 300 Zeichen haben.";
        if (lead.Length == 0) errors["Lead"] = "Bitte geben Sie einen Vorspann ein.";
        else if (lead.Length > 2000) errors["Lead"] = "Der Vorspann darf höchstens 2.000 Zeichen haben.";
        if (author.Length > 200) errors["Author"] = "Der Name des Autors darf höchstens 200 Zeichen haben.";
        if (description.Length > ArticleMeta.MaxDescription)
            errors["Description"] = $"Die Beschreibung für Suchmaschinen darf höchstens {ArticleMeta.MaxDescription} Zeichen haben (jetzt {description.Length}).";
        if (body.Trim().Length == 0) errors["Body"] = "Bitte schreiben Sie den Artikeltext.";
        else if (body.Length > MaxBodyLength) errors["Body"] = $"Der Artikeltext ist zu lang (höchstens {MaxBodyLength:N0} Zeichen).";
        else if (MarkdownRenderer.Problem(body) is { } unrenderable) errors["Body"] = unrenderable;
        if (!Slug.IsValid(slug)) errors["Slug"] = "Die Adresse darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten.";
        else if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct)) errors["Slug"] = $"Die Adresse „{slug}“ ist schon vergeben.";

        var at = ParseBerlin(draft.Date, draft.Time, out var timeError);
        if (timeError is not null) errors["Date"] = timeError;
        var now = clock.GetUtcNow().UtcDateTime;
        if (at is { } when && draft.Status == ArticleStatus.Scheduled && when <= now)
            errors["Date"] = "Ein geplanter Artikel braucht einen Zeitpunkt in der Zukunft.";
        if (at is { } later && draft.Status == ArticleStatus.Published && later > now.AddMinutes(1))
            errors["Status"] = "Für einen späteren Zeitpunkt wählen Sie „Geplant“.";
        var relatedSlugs = Split(draft.Related).Select(r => r.ToLowerInvariant()).Distinct().ToList();
        var related = await db.Articles.Where(a => relatedSlugs.Contains(a.Slug)).Select(a => new { a.Id, a.Slug }).ToListAsync(ct);
        var unknown = relatedSlugs.Except(related.Select(r => r.Slug)).ToList();
        if (unknown.Count > 0) errors["Related"] = $"Diese Artikel gibt es nicht: {string.Join(", ", unknown)}.";
        else if (relatedSlugs.Contains(slug)) errors["Related"] = "Ein Artikel kann nicht auf sich selbst verweisen.";
        var categoryNames = Split(draft.Categories);
        var tagNames = Split(draft.Tags);
        if (categoryNames.Concat(tagNames).Any(n => n.Length > 100)) errors["Tags"] = "Rubriken und Schlagwörter dürfen höchstens 100 Zeichen haben.";
        if (errors.Count > 0) return errors;

        article.Categories = await FindOrCreateAsync(db.Categories, categoryNames, (name, s) => new Category { Name = name, Slug = s }, ct);
        article.Tags = await FindOrCreateAsync(db.Tags, tagNames, (name, s) => new Tag { Name = name, Slug = s }, ct);
        article.Related.Clear();
        article.Related.AddRange(relatedSlugs.Select((r, i) => new ArticleRelation { RelatedArticleId = related.Single(x => x.Slug == r).Id, Position = i }));

        article.Title = title;
        article.Slug = slug;
        article.Lead = lead;
        article.BodyMarkdown = body;
        article.Author = author;
        article.Description = description;
        article.Status = draft.Status;
        article.PublishedAtUtc = at ?? now;
        return errors;
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Categories and tags are found by their slug, so "Gold" and "gold" are one.</summary>
    private static async Task<List<T>> FindOrCreateAsync<T>(DbSet<T> set, List<string> names, Func<string, string, T> create, CancellationToken ct)
        where T : Topic
    {
        var bySlug = names.DistinctBy(n => Slug.From(n)).ToDictionary(n => Slug.From(n));
        var slugs = bySlug.Keys.ToList();
        var found = await set.Where(x => slugs.Contains(x.Slug)).ToListAsync(ct);
        return [.. found, .. bySlug.Where(kv => found.All(f => f.Slug != kv.Key)).Select(kv => create(kv.Value, kv.Key))];
    }

    /// <summary>
    /// A byline proposed from a login address, since accounts carry no display name: "max.muster@…" becomes "Max Muster".
    /// The editor can change it before saving.
    /// </summary>
    public static string AuthorFromEmail(string? email)
    {
        var local = (email ?? "").Split('@')[0];
        var words = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return string.Join(' ', words);
    }

    /// <summary>Berlin wall-clock time to UTC. A time skipped by the spring clock change is an error; a doubled autumn hour means its first occurrence.</summary>
    public static DateTime? ParseBerlin(string? date, string? time, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(date) && string.IsNullOrWhiteSpace(time)) return null;
        if (!DateTime.TryParseExact($"{date} {time}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = "Bitte geben Sie Datum und Uhrzeit vollständig an.";
            return null;
        }
        if (BerlinTime.Zone.IsInvalidTime(local))
        {
            error = "Diese Uhrzeit gibt es wegen der Zeitumstellung nicht. Bitte wählen Sie eine andere.";
            return null;
        }
        if (BerlinTime.Zone.IsAmbiguousTime(local))
        {
            var offset = BerlinTime.Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, BerlinTime.Zone);
    }

    /// <summary>The fields the audit log keeps before and after a change.</summary>
    public static string Snapshot(Article a) => JsonSerializer.Serialize(new
    {
        a.Title, a.Slug, a.Lead, a.Author, a.Description, Status = a.Status.ToString(), a.PublishedAtUtc, a.BodyMarkdown,
    });
}
