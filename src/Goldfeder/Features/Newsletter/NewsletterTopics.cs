using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The topics: the offered ones (every page's newsletter box shows them) and their upkeep by
/// Admin and Marketing. Topics are never deleted, only retired, since the ledger points at them.
/// </summary>
public sealed class NewsletterTopics(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record Topic(int Id, string Name, string Description, int SortOrder, bool Retired);

    /// <summary>
    /// The topics offered now, in order. Read each time (a few rows): the pages that show them are output-cached and
    /// evicted on a change, and a copy kept here could put an old list back into that cache on another instance.
    /// </summary>
    public async Task<IReadOnlyList<Topic>> ActiveAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).Where(t => !t.Retired).ToList();

    public async Task<List<Topic>> AllAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoldfederDb>().NewsletterTopics.AsNoTracking()
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new Topic(t.Id, t.Name, t.Description, t.SortOrder, t.Retired))
            .ToListAsync(ct);
    }

    /// <summary>German messages by field; empty when fine.</summary>
    public static Dictionary<string, string> Validate(string? name, string? description)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) errors["Name"] = "Bitte geben Sie einen Namen ein.";
        else if (name.Trim().Length > 100) errors["Name"] = "Der Name darf höchstens 100 Zeichen lang sein.";
        else if (name.Any(char.IsControl)) errors["Name"] = "Der Name darf keine Zeilenumbrüche enthalten.";
        if (string.IsNullOrWhiteSpace(description)) errors["Description"] = "Bitte beschreiben Sie das Thema in einem Satz.";
        else if (description.Trim().Length > 500) errors["Description"] = "Die Beschreibung darf höchstens 500 Zeichen lang sein.";
        return errors;
    }

    /// <summary>Adds a topic at the end, or changes one; errors by field.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(int? id, string? name, string? description, CancellationToken ct)
    {
        var errors = Validate(name, description);
        if (errors.Count > 0) return errors;
        name = name!.Trim();
        description = description!.Trim().ReplaceLineEndings(" ");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        if (await db.NewsletterTopics.AnyAsync(t => t.Name == name && t.Id != id, ct))
            return new() { ["Name"] = "Ein Thema mit diesem Namen gibt es schon." };
        if (id is null)
        {
            var order = (await db.NewsletterTopics.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1;
            db.NewsletterTopics.Add(new NewsletterTopic { Name = name, Description = description, SortOrder = order, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        else if (await db.NewsletterTopics.Where(t => t.Id == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, name).SetProperty(t => t.Description, description), ct) == 0)
            return new() { [""] = "Dieses Thema gibt es nicht." };
        return errors;
    }

    public async Task<bool> SetRetiredAsync(int id, bool retired, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<GoldfederDb>().NewsletterTopics
            .Where(t => t.Id == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Retired, retired), ct);
        return changed == 1;
    }

    /// <summary>Swaps the topic with its neighbour above (-1) or below (+1).</summary>
    public async Task MoveAsync(int id, int direction, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var all = await db.NewsletterTopics.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var i = all.FindIndex(t => t.Id == id);
        var j = i + Math.Sign(direction);
        if (i < 0 || j < 0 || j >= all.Count) return;
        (all[i], all[j]) = (all[j], all[i]);
        for (var k = 0; k < all.Count; k++) all[k].SortOrder = k + 1;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The declaration as the reader sees it: the configured wording and the topics offered with their descriptions.
    /// A new wording or a new topic list is a new text, hence a new consent-text version (<see cref="ConsentTexts"/>).
    /// </summary>
    public static string ConsentWording(string consent, IReadOnlyList<Topic> offered) =>
        offered.Count == 0 ? consent
            : consent + "\n\nThemen zur Auswahl (ohne Auswahl gilt die Einwilligung für alle): "
              + string.Join("; ", offered.Select(t => $"{t.Name} – {t.Description}"));

    /// <summary>The demo topics (with <c>DemoContent:Load</c>): added once each, never brought back once renamed or retired.</summary>
    public async Task LoadDemoAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        if (await db.NewsletterTopics.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.NewsletterTopics.AddRange(
            new NewsletterTopic { Name = "Marktberichte", Description = "Wöchentliche Einschätzungen zu Gold, Silber und den Finanzmärkten.", SortOrder = 1, CreatedAtUtc = now },
            new NewsletterTopic { Name = "Produktneuheiten", Description = "Neue Münzen und Barren in unserem Sortiment.", SortOrder = 2, CreatedAtUtc = now },
            new NewsletterTopic { Name = "Sonderangebote", Description = "Exklusive Angebote und Aktionen für Abonnenten.", SortOrder = 3, CreatedAtUtc = now });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* another instance loaded them first */ }
    }
}
