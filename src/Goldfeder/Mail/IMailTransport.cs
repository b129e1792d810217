using MimeKit;

namespace Goldfeder.Mail;

/// <summary>Hands a finished message to the outside world: an SMTP server or the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Returns when the message has been accepted (SMTP 250, or the file written).</summary>
    /// <exception cref="MailRejectedException">the server refused the message for good (5xx).</exception>
    /// <remarks>Any other exception is temporary: the caller retries later.</remarks>
    Task SendAsync(MimeMessage message, CancellationToken ct);

    /// <summary>The same with an envelope sender of its own (VERP); a transport without an envelope (the pickup folder) ignores it.</summary>
    Task SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct) => SendAsync(message, ct);
}
