using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Mail;

/// <summary>The outbox's part of a person's data: every system mail to the address (confirmation, welcome, HR's answers).</summary>
public sealed class OutboxPersonalData(GoldfederDb db) : IPersonalData
{
    public string Section => "mails";

    public async Task<IReadOnlyList<object>> ExportAsync(string normalizedEmail, CancellationToken ct) =>
        await db.OutboxMails.AsNoTracking()
            .Where(m => m.Recipient.ToLower() == normalizedEmail)
            .OrderBy(m => m.CreatedAtUtc)
            .Select(m => new MailToPerson(m.Subject, m.Status.ToString(), m.CreatedAtUtc, m.SentAtUtc))
            .ToListAsync<object>(ct);

    public Task EraseAsync(string normalizedEmail, CancellationToken ct) => Outbox.DeleteToAsync(db, [normalizedEmail], ct);
}
