namespace Goldfeder.Data;

/// <summary>A mail sent, or to be sent, to the person: what the export lists for every feature that mails.</summary>
public sealed record MailToPerson(string Subject, string Status, DateTime CreatedAtUtc, DateTime? SentAtUtc);
