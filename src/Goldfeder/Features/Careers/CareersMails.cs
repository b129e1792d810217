using System.Net;
using Goldfeder.Features.Site;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Goldfeder.Features.Careers;

/// <summary>
/// The careers mails, German, HTML and plain text. What the applicant typed goes only into bodies (HTML-encoded) and into
/// addresses through MimeKit's own types, never into a header as text. Subjects name the posting, not the person.
/// </summary>
public sealed class CareersMails(IOptions<MailOptions> mail, IOptions<SiteOptions> site, IOptions<CareersOptions> careers)
{
    public MimeMessage Confirmation(string name, string email, JobPosting posting, int fileCount)
    {
        var message = New(new MailboxAddress(name, email), $"Ihre Bewerbung als {posting.Title} ist bei uns eingegangen");
        var contact = posting.ContactName.Length > 0 ? $"Ihre Ansprechperson ist {posting.ContactName}" + (posting.ContactEmail.Length > 0 ? $" ({posting.ContactEmail})." : ".") : null;
        Body(message,
        [
            $"Guten Tag {name},",
            $"vielen Dank für Ihre Bewerbung als {posting.Title}. Sie ist mit {fileCount} {(fileCount == 1 ? "Datei" : "Dateien")} bei uns eingegangen.",
            "Wir sehen sie uns sorgfältig an und melden uns bei Ihnen.",
            .. contact is null ? Array.Empty<string>() : [contact],
            $"Ihre Daten verwenden wir nur für dieses Bewerbungsverfahren und löschen sie spätestens {careers.Value.RetentionMonths} Monate nach seinem Abschluss.",
            "Falls Sie sich nicht beworben haben, antworten Sie bitte kurz auf diese E-Mail; wir löschen die Angaben dann.",
        ]);
        return message;
    }

    public MimeMessage HrNotification(string name, string email, JobPosting posting, string inboxUrl)
    {
        var to = careers.Value.HrNotificationAddress is { Length: > 0 } hr ? MailboxAddress.Parse(hr) : MailboxAddress.Parse(mail.Value.From);
        var message = New(to, $"Neue Bewerbung: {posting.Title}");
        message.ReplyTo.Add(new MailboxAddress(name, email));
        Body(message,
        [
            $"Für die Stelle „{posting.Title}“ ist eine neue Bewerbung eingegangen, von {name}.",
            "Die Bewerbung und ihre Anlagen finden Sie nach der Anmeldung in der Verwaltung:",
            inboxUrl,
            "Die Anlagen hängen aus Datenschutzgründen nicht an dieser E-Mail.",
        ]);
        return message;
    }

    private MimeMessage New(MailboxAddress to, string subject)
    {
        var from = MailboxAddress.Parse(mail.Value.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        return message;
    }

    private void Body(MimeMessage message, string[] paragraphs)
    {
        var footer = $"{site.Value.Brand} · Telefon {site.Value.HotlineDisplay}";
        var text = string.Join("\n\n", [.. paragraphs, "Mit freundlichen Grüßen", site.Value.Brand, "-- ", footer]);
        static string P(string s) => $"<p>{WebUtility.HtmlEncode(s)}</p>";
        var html =
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(message.Subject) + "</title></head>" +
            "<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c1f26\">" +
            string.Concat(paragraphs.Select(P)) + P("Mit freundlichen Grüßen") + P(site.Value.Brand) +
            $"<hr><p style=\"font-size:12px;color:#545b66\">{WebUtility.HtmlEncode(footer)}</p></body></html>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
    }
}
