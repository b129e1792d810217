using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Mail;

/// <summary>The outbox's part of a person's data: every system mail to the address (confirmation, welcome, HR's answers).</summary>
public sealed class OutboxPersonalData(GoldfederDb db) : IPersonalData
{
    public string Section => "E-Mails an Sie (Bestätigungen und Benachrichtigungen)";
    public string Purpose => "Versand der von Ihnen angeforderten E-Mails (Anmeldebestätigung, Eingangsbestätigung Ihrer Bewerbung).";
    public string Retention => "Bis zur Löschung der Anmeldung oder Bewerbung, zu der die E-Mail gehört; der Inhalt wird nach dem Versand geleert.";
    public IReadOnlyCollection<Type> Covers => [typeof(OutboxMail)];

    public async Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct)
    {
        var mails = await db.OutboxMails.AsNoTracking()
            .Where(m => m.Recipient.ToLower() == normalizedEmail)
            .OrderBy(m => m.CreatedAtUtc)
            .Select(m => new { m.Recipient, m.Subject, m.Status, m.CreatedAtUtc, m.SentAtUtc })
            .ToListAsync(ct);
        return mails.Select(m => new PersonalRecord()
            .With("Empfänger", m.Recipient)
            .With("Betreff", m.Subject)
            .With("Status", m.Status == OutboxStatus.Sent ? "versandt" : m.Status == OutboxStatus.Pending ? "wartet auf Versand" : "nicht zustellbar")
            .With("Erstellt", m.CreatedAtUtc)
            .With("Versandt", m.SentAtUtc)).ToList();
    }

    public Task EraseAsync(string normalizedEmail, CancellationToken ct) => Outbox.DeleteToAsync(db, [normalizedEmail], ct);
}
