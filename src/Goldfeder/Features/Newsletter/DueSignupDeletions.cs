using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>Unconfirmed signups older than <see cref="NewsletterOptions.DeleteUnconfirmedAfter"/> that <see cref="UnconfirmedSignupCleaner"/> has not deleted yet.</summary>
public sealed class DueSignupDeletions(GoldfederDb db, IOptions<NewsletterOptions> options, TimeProvider clock) : IDueDeletions
{
    public string One => "unbestätigte Newsletter-Anmeldung";
    public string Many => "unbestätigte Newsletter-Anmeldungen";
    public string Rule => $"nach {options.Value.DeleteUnconfirmedAfter.TotalDays:0} Tagen ohne Bestätigung";

    public Task<int> CountAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.DeleteUnconfirmedAfter;
        return db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Pending && s.CreatedAtUtc < cutoff, ct);
    }
}
