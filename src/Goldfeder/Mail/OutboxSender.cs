using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Mail;

/// <summary>
/// Delivers the outbox. Failure policy (see Mail/CONTEXT.md): a temporary failure (4xx, no connection, timeout) is
/// retried with exponential backoff up to <see cref="OutboxOptions.MaxAttempts"/>; a permanent one (5xx) fails the
/// mail at once with the server's reply. A mail is claimed by a guarded update, so several instances never send the
/// same mail at the same time, and a crash mid-send makes the mail due again when its lease ends.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, MailTransports transports, OutboxSignal signal, IEnumerable<IOutboxLetter> letters,
    IOptions<OutboxOptions> options, MailMetrics metrics, TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly Dictionary<string, IOutboxLetter> _letters = letters.ToDictionary(l => l.Kind);

    private abstract record Outcome;
    private sealed record Sent : Outcome;
    private sealed record Later(DateTime NextAttemptAtUtc, string Error) : Outcome;
    private sealed record Failed(string Reason) : Outcome;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The shared transport first (system mails sent elsewhere use it too), then a connection of its own per extra lane.
        var connections = new List<IMailTransport> { transports.Shared };
        for (var i = 1; i < Math.Max(1, _options.Concurrency); i++) connections.Add(transports.NewConnection());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int handled;
                try
                {
                    handled = await SendDueAsync(connections, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Outbox pass failed; trying again shortly");
                    handled = 0;
                }
                if (handled == 0)
                {
                    try { await signal.WaitAsync(_options.PollInterval, stoppingToken); }
                    catch (OperationCanceledException) { return; }
                }
            }
        }
        finally
        {
            foreach (var extra in connections.Skip(1).Distinct().OfType<IAsyncDisposable>()) await extra.DisposeAsync();
        }
    }

    /// <summary>Sends what is due now over all connections at once, then records the outcomes; returns how many mails it handled.</summary>
    private async Task<int> SendDueAsync(List<IMailTransport> connections, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var claimed = await ClaimAsync(db, ct);
        var outcomes = new Outcome[claimed.Count];
        var next = -1;
        await Task.WhenAll(connections.Select(async connection =>
        {
            try
            {
                for (int i; !ct.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < claimed.Count;)
                    outcomes[i] = await DeliverAsync(connection, claimed[i], ct);
            }
            catch (OperationCanceledException) { /* shutting down: what was sent is still recorded below */ }
        }));

        var sent = claimed.Where((_, i) => outcomes[i] is Sent).Select(m => m.Id).ToList();
        if (sent.Count > 0)
        {
            var sentAt = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMails.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.Message, Array.Empty<byte>())
                .SetProperty(m => m.Data, (string?)null)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            metrics.Sent.Add(sent.Count);
        }
        for (var i = 0; i < claimed.Count; i++)
        {
            var id = claimed[i].Id;
            if (outcomes[i] is Later later)
                await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.NextAttemptAtUtc, later.NextAttemptAtUtc)
                    .SetProperty(m => m.LastError, Retry.Clip(later.Error)), CancellationToken.None);
            else if (outcomes[i] is Failed failed)
            {
                await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Status, OutboxStatus.Failed)
                    .SetProperty(m => m.LastError, Retry.Clip(failed.Reason)), CancellationToken.None);
                metrics.Failed.Add(1);
            }
        }
        ct.ThrowIfCancellationRequested();
        return claimed.Count;
    }

    /// <summary>
    /// Claims a batch of due mails in one guarded UPDATE that moves them a lease ahead. The lease's end, jittered by a
    /// random number of ticks, marks this claim: only rows carrying it are ours, whatever other instances claimed.
    /// </summary>
    private async Task<List<OutboxMail>> ClaimAsync(GoldfederDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc)
            .Select(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return [];

        var claim = now + _options.Lease + TimeSpan.FromTicks(Random.Shared.Next(1, 10_000_000));
        await db.OutboxMails
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.NextAttemptAtUtc, claim)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return await db.OutboxMails.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.NextAttemptAtUtc == claim)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
    }

    private async Task<Outcome> DeliverAsync(IMailTransport transport, OutboxMail mail, CancellationToken ct)
    {
        // The claim already counted this attempt.
        var attempts = mail.Attempts;
        try
        {
            await transport.SendAsync(await MessageOfAsync(mail, ct), ct);
            return new Sent();
        }
        catch (UnknownLetterException e)
        {
            log.LogError("Mail {Id} cannot be rendered: {Reason}", mail.Id, e.Message);
            return new Failed(e.Message);
        }
        catch (MailRejectedException e)
        {
            // The id, not the address: logs are kept longer and wider than the outbox (see Mail/CONTEXT.md).
            log.LogWarning("Mail {Id} refused for good: {Reply}", mail.Id, LogText.WithoutAddresses(e.Message));
            return new Failed("refused: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (attempts >= _options.MaxAttempts) return new Failed($"gave up after {attempts} attempts: {e.Message}");
            var next = clock.GetUtcNow().UtcDateTime + Retry.Backoff(attempts, _options.RetryBase, _options.RetryMax);
            log.LogInformation("Mail {Id} not sent (attempt {Attempts}), retry at {Next:u}: {Error}", mail.Id, attempts, next, LogText.WithoutAddresses(e.Message));
            return new Later(next, e.Message);
        }
    }

    private async Task<MimeMessage> MessageOfAsync(OutboxMail mail, CancellationToken ct)
    {
        if (mail.Kind is null)
        {
            using var stream = new MemoryStream(mail.Message);
            return await MimeMessage.LoadAsync(stream, ct);
        }
        return _letters.TryGetValue(mail.Kind, out var letter)
            ? letter.Render(mail.Recipient, mail.Data ?? "")
            : throw new UnknownLetterException($"no letter of kind '{mail.Kind}' in this version");
    }

    private sealed class UnknownLetterException(string message) : Exception(message);
}
