using System.Globalization;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>What an editor submits: German texts in, German errors out, times in Europe/Berlin.</summary>
public sealed class ArticleDraft
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Lead { get; set; }
    public string? Body { get; set; }
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    public string? Date { get; set; }
    public string? Time { get; set; }
}

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

    /// <summary>Returns German errors by field; empty when the draft was applied to <paramref name="article"/>.</summary>
    public async Task<Dictionary<string, string>> ApplyAsync(ArticleDraft draft, Article article, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = draft.Title?.Trim() ?? "";
        var lead = draft.Lead?.Trim() ?? "";
        var body = draft.Body ?? "";
        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? Articles.Slug.From(title) : draft.Slug.Trim();

        if (title.Length == 0) errors["Title"] = "Bitte geben Sie eine Überschrift ein.";
        else if (title.Length > 300) errors["Title"] = "Die Überschrift darf höchstens 300 Zeichen haben.";
        if (lead.Length == 0) errors["Lead"] = "Bitte geben Sie einen Vorspann ein.";
        else if (lead.Length > 2000) errors["Lead"] = "Der Vorspann darf höchstens 2.000 Zeichen haben.";
        if (body.Trim().Length == 0) errors["Body"] = "Bitte schreiben Sie den Artikeltext.";
        if (!Articles.Slug.IsValid(slug)) errors["Slug"] = "Die Adresse darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten.";
        else if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct)) errors["Slug"] = $"Die Adresse „{slug}“ ist schon vergeben.";

        var at = ParseBerlin(draft.Date, draft.Time, out var timeError);
        if (timeError is not null) errors["Date"] = timeError;
        var now = clock.GetUtcNow().UtcDateTime;
        if (at is { } when && draft.Status == ArticleStatus.Scheduled && when <= now)
            errors["Date"] = "Ein geplanter Artikel braucht einen Zeitpunkt in der Zukunft.";
        if (at is { } later && draft.Status == ArticleStatus.Published && later > now.AddMinutes(1))
            errors["Status"] = "Für einen späteren Zeitpunkt wählen Sie „Geplant“.";
        if (errors.Count > 0) return errors;

        article.Title = title;
        article.Slug = slug;
        article.Lead = lead;
        article.BodyMarkdown = body;
        article.Status = draft.Status;
        article.PublishedAtUtc = at ?? now;
        return errors;
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
        a.Title, a.Slug, a.Lead, Status = a.Status.ToString(), a.PublishedAtUtc, a.BodyMarkdown,
    });
}
