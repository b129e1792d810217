using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// Renewal of consent gone stale: Marketing asks the subscribers Campaigns lists (no delivery and no confirmation for
/// <see cref="NewsletterOptions.RepermissionAfter"/>) whether they still want the newsletter; whoever does not answer
/// within <see cref="NewsletterOptions.RepermissionAnswerWithin"/> is paused until they do, never mailed silently again.
/// Each step is a ledger event.
/// </summary>
public sealed class Repermission(GoldfederDb db, Outbox outbox, NewsletterMails mails, WithdrawalTokens tokens, IOptions<NewsletterOptions> options, TimeProvider clock)
{
    /// <summary>Sends the question to those of the ids still confirmed, not paused and not yet asked; returns how many.</summary>
    public async Task<int> AskAsync(IReadOnlyCollection<int> subscriberIds, string baseUrl, string actor, CancellationToken ct)
    {
        var key = await tokens.KeyAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var asked = 0;
        foreach (var chunk in subscriberIds.Chunk(500))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Subscribers.AsNoTracking()
                .Where(s => chunk.Contains(s.Id) && s.Status == SubscriberStatus.Confirmed && s.RepermissionAskedAtUtc == null && (s.PausedUntilUtc == null || s.PausedUntilUtc <= now))
                .Select(s => new { s.Id, s.Email, s.ConsentTextId }).ToListAsync(ct);
            var ids = due.Select(d => d.Id).ToList();
            await db.Subscribers.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.RepermissionAskedAtUtc, now), ct);
            foreach (var s in due)
            {
                db.ConsentEvents.Add(Preferences.Event(s.Id, ConsentEventKind.RepermissionAsked, now, s.ConsentTextId, null, null, $"Nachfrage per E-Mail ({actor})"));
                var url = SiteUrls.Preferences(baseUrl, WithdrawalTokens.Create(key, s.Id, WithdrawalTokens.Preferences));
                outbox.Add(mails.Repermission(s.Email, url, options.Value.RepermissionAnswerWithin));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            asked += due.Count;
        }
        if (asked > 0) outbox.Wake();
        return asked;
    }

    /// <summary>Pauses, until they answer, the subscribers who let the answer time pass; returns how many.</summary>
    public async Task<int> PauseUnansweredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.RepermissionAnswerWithin;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var silent = await db.Subscribers.AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Confirmed && s.RepermissionAskedAtUtc != null && s.RepermissionAskedAtUtc < cutoff)
            .Select(s => new { s.Id, s.ConsentTextId, s.RepermissionAskedAtUtc }).Take(5000).ToListAsync(ct);
        if (silent.Count == 0) return 0;
        var ids = silent.Select(s => s.Id).ToList();
        await db.Subscribers.Where(s => ids.Contains(s.Id) && s.RepermissionAskedAtUtc != null && s.RepermissionAskedAtUtc < cutoff)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PausedUntilUtc, Preferences.UntilAnswered).SetProperty(s => s.RepermissionAskedAtUtc, (DateTime?)null), ct);
        foreach (var s in silent)
            db.ConsentEvents.Add(Preferences.Event(s.Id, ConsentEventKind.Paused, now, s.ConsentTextId, null, null,
                $"Keine Antwort auf die Nachfrage vom {BerlinTime.Date(s.RepermissionAskedAtUtc!.Value)}: pausiert, bis der Abonnent bestätigt"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return silent.Count;
    }
}

/// <summary>Runs <see cref="Repermission.PauseUnansweredAsync"/> every <see cref="NewsletterOptions.CleanupInterval"/>.</summary>
public sealed class RepermissionExpiry(IServiceScopeFactory scopes, IOptions<NewsletterOptions> options, TimeProvider clock, ILogger<RepermissionExpiry> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(options.Value.CleanupInterval, clock, log, "Pausing unanswered re-permissions", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var paused = await scope.ServiceProvider.GetRequiredService<Repermission>().PauseUnansweredAsync(ct);
            if (paused > 0) log.LogInformation("Paused {Count} subscribers who did not answer the re-permission mail", paused);
        }, stoppingToken);
}
