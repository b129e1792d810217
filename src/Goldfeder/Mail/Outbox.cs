using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Goldfeder.Mail;

/// <summary>Puts mails into the outbox. They are sent only after the caller's SaveChanges commits them.</summary>
public sealed class Outbox(GoldfederDb db, OutboxSignal signal, TimeProvider clock)
{
    public OutboxMail Add(MimeMessage message) => Add(Prepare(message, clock));

    public OutboxMail Add(OutboxMail prepared)
    {
        db.OutboxMails.Add(prepared);
        return prepared;
    }

    /// <summary>The row for a message, serialised; no database needed, so callers can do this work outside a write lock.</summary>
    public static OutboxMail Prepare(MimeMessage message, TimeProvider clock)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        var now = clock.GetUtcNow().UtcDateTime;
        return new OutboxMail
        {
            Recipient = string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            Subject = message.Subject ?? "",
            Message = buffer.ToArray(),
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = now,
            CreatedAtUtc = now,
        };
    }

    /// <summary>
    /// Queues letters of one kind (rendered when sent, see <see cref="IOutboxLetter"/>) with one statement, in the
    /// caller's transaction on <paramref name="db"/>. Call <see cref="Wake"/> after committing.
    /// </summary>
    public static Task QueueLettersAsync(GoldfederDb db, string kind, string subject, IEnumerable<(string Recipient, string Data)> letters, DateTime now, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(letters.Select(l => new { r = l.Recipient, d = l.Data }));
        return MailSql.QueueLetters.ExecuteAsync(db, ct, json, subject, kind, nameof(OutboxStatus.Pending), now);
    }

    /// <summary>Deletes these mails, sent or not, in the caller's transaction on <paramref name="db"/> (an erasure).</summary>
    public static Task<int> DeleteAsync(GoldfederDb db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        db.OutboxMails.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);

    /// <summary>Deletes every mail to these addresses (normalised, lower case), in the caller's transaction on <paramref name="db"/> (an erasure).</summary>
    public static Task<int> DeleteToAsync(GoldfederDb db, IReadOnlyCollection<string> normalizedAddresses, CancellationToken ct) =>
        db.OutboxMails.Where(m => normalizedAddresses.Contains(m.Recipient.ToLower())).ExecuteDeleteAsync(ct);

    /// <summary>Call after committing, so the sender does not wait for its next poll.</summary>
    public void Wake() => signal.Wake();
}
