using MimeKit;

namespace Goldfeder.Mail;

/// <summary>
/// A mail the outbox renders only when it sends it, from the recipient and a short stored value, instead of storing the
/// finished message. For mails queued in bulk on a reader's request (the signup confirmation): building and storing
/// MIME there, then parsing it again to send, cost more than the signup itself.
/// </summary>
public interface IOutboxLetter
{
    /// <summary>Stored in <see cref="OutboxMail.Kind"/>; never change it while mails of this kind may be queued.</summary>
    string Kind { get; }

    MimeMessage Render(string recipient, string data);
}
