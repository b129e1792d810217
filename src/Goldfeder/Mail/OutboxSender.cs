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
    IServiceScopeFactory scopes, IMailTransport transport, OutboxSignal signal, WriteGate writes,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Outbox pass failed; trying again shortly");
                sent = 0;
            }
            if (sent == 0)
            {
                try { await signal.WaitAsync(_options.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Sends what is due now; returns how many mails it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var claimed = await ClaimAsync(db, ct);
        var sent = new List<long>(claimed.Count);
        foreach (var mail in claimed)
        {
            if (await DeliverAsync(db, mail, ct)) sent.Add(mail.Id);
        }
        if (sent.Count > 0)
        {
            var sentAt = clock.GetUtcNow().UtcDateTime;
            using var _ = await writes.EnterAsync(CancellationToken.None);
            await db.OutboxMails.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.Message, Array.Empty<byte>())
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }
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
        using (await writes.EnterAsync(ct))
        {
            await db.OutboxMails
                .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.NextAttemptAtUtc, claim)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        }
        return await db.OutboxMails.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.NextAttemptAtUtc == claim)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
    }

    /// <summary>True when the server took the mail; failures are recorded here.</summary>
    private async Task<bool> DeliverAsync(GoldfederDb db, OutboxMail mail, CancellationToken ct)
    {
        // The claim already counted this attempt.
        var attempts = mail.Attempts;
        try
        {
            using var stream = new MemoryStream(mail.Message);
            var message = await MimeMessage.LoadAsync(stream, ct);
            await transport.SendAsync(message, ct);
            return true;
        }
        catch (MailRejectedException e)
        {
            log.LogWarning("Mail {Id} to {Recipient} refused for good: {Reply}", mail.Id, mail.Recipient, e.Message);
            await FailAsync(db, mail.Id, "refused: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (attempts >= _options.MaxAttempts)
            {
                await FailAsync(db, mail.Id, $"gave up after {attempts} attempts: {e.Message}");
                return false;
            }
            var next = clock.GetUtcNow().UtcDateTime + Retry.Backoff(attempts, _options.RetryBase, _options.RetryMax);
            log.LogInformation("Mail {Id} not sent (attempt {Attempts}), retry at {Next:u}: {Error}", mail.Id, attempts, next, e.Message);
            using var _ = await writes.EnterAsync(CancellationToken.None);
            await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LastError, Retry.Clip(e.Message)), CancellationToken.None);
        }
        return false;
    }

    private async Task FailAsync(GoldfederDb db, long id, string reason)
    {
        using var _ = await writes.EnterAsync(CancellationToken.None);
        await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.LastError, Retry.Clip(reason)), CancellationToken.None);
    }
}

/// <summary><c>Mail:Outbox:*</c>.</summary>
public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);
    public int MaxAttempts { get; set; } = 30;
    public int BatchSize { get; set; } = 50;
}
