using Goldfeder.Data;
using Goldfeder.Features.Site;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// A reader asks for the newsletter. The subscriber row, its <c>requested</c> event and the confirmation mail are
/// committed in one transaction. Whatever the address's state, the caller learns nothing (no user enumeration).
/// </summary>
public sealed class Signup(
    GoldfederDb db, Outbox outbox, NewsletterMails mails, WriteGate gate,
    IOptions<NewsletterOptions> options, IOptions<SiteOptions> site, TimeProvider clock)
{
    public async Task RequestAsync(string email, Requester requester, CancellationToken ct)
    {
        var consent = await ConsentTexts.CurrentAsync(db, site.Value.NewsletterBox.Consent, clock, ct);
        using var _ = await gate.EnterAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RequestOnceAsync(email, consent, requester, ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another request for the same address won the race for the unique index; the second pass sees its row.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task RequestOnceAsync(string email, ConsentText consent, Requester requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = EmailAddress.Normalize(email);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.NormalizedEmail == normalized, ct);
        if (subscriber?.Status == SubscriberStatus.Confirmed) return;
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Email = email, NormalizedEmail = normalized, Status = SubscriberStatus.Pending,
                CreatedAtUtc = now, ConsentTextId = consent.Id,
            };
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync(ct);
        }

        // Guarded, so parallel requests for one address queue one mail: the loser's update finds the fresh timestamp.
        var (token, hash) = ConfirmToken.New();
        var quietSince = now - options.Value.ResendConfirmationAfter;
        var expires = now + options.Value.ConfirmationValidFor;
        var won = await db.Subscribers
            .Where(s => s.Id == subscriber.Id && s.Status != SubscriberStatus.Confirmed
                        && (s.ConfirmMailQueuedAtUtc == null || s.ConfirmMailQueuedAtUtc <= quietSince))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ConfirmTokenHash, hash)
                .SetProperty(s => s.ConfirmTokenExpiresAtUtc, expires)
                .SetProperty(s => s.ConfirmMailQueuedAtUtc, now)
                .SetProperty(s => s.ConsentTextId, consent.Id), ct);
        if (won == 0)
        {
            await tx.CommitAsync(ct);
            return;
        }

        db.ConsentEvents.Add(new ConsentEvent
        {
            SubscriberId = subscriber.Id, Kind = ConsentEventKind.Requested, AtUtc = now, ConsentTextId = consent.Id,
            IpAddress = requester.IpAddress, UserAgent = requester.UserAgent, SourcePage = requester.SourcePage,
            Detail = "confirmation mail queued",
        });
        outbox.Add(mails.Confirmation(subscriber.Email, $"{requester.BaseUrl}/newsletter/bestaetigen?token={token}", options.Value.ConfirmationValidFor));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Wake();
    }
}

/// <summary>
/// SQLite has one writer at a time and turns a read-then-write transaction that loses the race into an error, so
/// writes that read first are queued here. PostgreSQL needs no queue: row locks and unique indexes do the work.
/// </summary>
public sealed class WriteGate(GoldfederDb db)
{
    private static readonly SemaphoreSlim Sqlite = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return Released.Instance;
        await Sqlite.WaitAsync(ct);
        return new Releaser();
    }

    private sealed class Releaser : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) Sqlite.Release(); }
    }

    private sealed class Released : IDisposable
    {
        public static readonly Released Instance = new();
        public void Dispose() { }
    }
}
