using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Features.Careers;

/// <summary>
/// The careers mails, German, HTML and plain text. What the applicant typed goes only into bodies (HTML-encoded) and into
/// addresses through MimeKit's own types, never into a header as text. Subjects name the posting, not the person.
/// </summary>
public sealed class CareersMails(Letters letters, IOptions<MailOptions> mail, IOptions<CareersOptions> careers)
{
    public MimeMessage Confirmation(string name, string email, JobPosting posting, int fileCount)
    {
        var contact = posting.ContactName.Length > 0 ? ContactNouns.Sentence(posting.ContactNoun, posting.ContactName) + (posting.ContactEmail.Length > 0 ? $" ({posting.ContactEmail})." : ".") : null;
        var message = letters.Write(new MailboxAddress(name, email), $"Ihre Bewerbung als {posting.Title} ist bei uns eingegangen",
        [
            $"Guten Tag {name},",
            $"vielen Dank für Ihre Bewerbung als {posting.Title}. Sie ist mit {fileCount} {(fileCount == 1 ? "Datei" : "Dateien")} bei uns eingegangen.",
            "Wir sehen sie uns sorgfältig an und melden uns bei Ihnen.",
            .. contact is null ? Array.Empty<string>() : [contact],
            $"Ihre Daten verwenden wir nur für dieses Bewerbungsverfahren und löschen sie spätestens {careers.Value.RetentionMonths} Monate nach seinem Abschluss.",
            "Falls Sie sich nicht beworben haben, antworten Sie bitte kurz auf diese E-Mail; wir löschen die Angaben dann.",
        ]);
        AddReplyTo(message, posting);
        return message;
    }

    /// <summary>An answer HR wrote from a template; paragraphs are separated by blank lines.</summary>
    public MimeMessage Reply(string name, string email, JobPosting posting, string subject, string body)
    {
        var paragraphs = body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = letters.Write(new MailboxAddress(name, email), subject, paragraphs);
        AddReplyTo(message, posting);
        return message;
    }

    /// <summary>The applicant's answer reaches a person: the posting's contact, else HR's address.</summary>
    private void AddReplyTo(MimeMessage message, JobPosting posting)
    {
        if (posting.ContactEmail.Length > 0) message.ReplyTo.Add(new MailboxAddress(posting.ContactName, posting.ContactEmail));
        else if (careers.Value.HrNotificationAddress is { Length: > 0 } hr) message.ReplyTo.Add(MailboxAddress.Parse(hr));
    }

    public MimeMessage HrNotification(string name, string email, JobPosting posting, string inboxUrl)
    {
        var to = careers.Value.HrNotificationAddress is { Length: > 0 } hr ? MailboxAddress.Parse(hr) : MailboxAddress.Parse(mail.Value.From);
        var message = letters.Write(to, $"Neue Bewerbung: {posting.Title}",
        [
            $"Für die Stelle „{posting.Title}“ ist eine neue Bewerbung eingegangen, von {name}.",
            "Die Bewerbung und ihre Anlagen finden Sie nach der Anmeldung in der Verwaltung:",
            inboxUrl,
            "Die Anlagen hängen aus Datenschutzgründen nicht an dieser E-Mail.",
        ]);
        message.ReplyTo.Add(new MailboxAddress(name, email));
        return message;
    }
}
