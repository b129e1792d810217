using System.Net;
using Goldfeder.Features.Site;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The newsletter's system mails, German, HTML and plain text. The confirmation mail is deliberately neutral: what was
/// asked, the link, what happens otherwise, who sends it. LG Stendal (22 S 87/20) held any advertising in it unlawful.
/// </summary>
public sealed class NewsletterMails(IOptions<MailOptions> mail, IOptions<SiteOptions> site, IOptions<NewsletterOptions> newsletter)
{
    public MimeMessage Confirmation(string to, string confirmUrl, TimeSpan validFor)
    {
        var days = (int)Math.Round(validFor.TotalDays);
        var validity = days >= 1 ? $"{days} Tage" : $"{(int)validFor.TotalHours} Stunden";
        return Build(to, "Bitte bestätigen Sie Ihre Newsletter-Anmeldung",
        [
            "Guten Tag,",
            $"für diese E-Mail-Adresse wurde die Anmeldung zum Newsletter von {site.Value.Brand} angefordert.",
            "Bitte bestätigen Sie die Anmeldung mit einem Klick auf diesen Link:",
        ], confirmUrl, "Anmeldung bestätigen",
        [
            $"Der Link ist {validity} gültig.",
            "Wenn Sie sich nicht angemeldet haben, müssen Sie nichts tun: Ohne Bestätigung erhalten Sie keinen Newsletter, und die Adresse wird gelöscht.",
        ]);
    }

    public MimeMessage Welcome(string to, string withdrawUrl)
    {
        var message = Build(to, $"Ihre Anmeldung zum {site.Value.Brand} Newsletter ist bestätigt",
        [
            "Guten Tag,",
            $"vielen Dank: Ihre Anmeldung zum Newsletter von {site.Value.Brand} ist bestätigt.",
            "Sie können Ihre Einwilligung jederzeit und ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen, mit einem Klick hier:",
        ], withdrawUrl, "Newsletter abbestellen", []);
        AddListHeaders(message, withdrawUrl);
        return message;
    }

    /// <summary>RFC 2369 and RFC 8058 one-click withdrawal headers, plus the list's identity (RFC 2919).</summary>
    public void AddListHeaders(MimeMessage message, string withdrawUrl)
    {
        message.Headers.Add("List-Id", newsletter.Value.ListId);
        message.Headers.Add("List-Unsubscribe", $"<{withdrawUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private MimeMessage Build(string to, string subject, string[] before, string url, string linkText, string[] after)
    {
        var from = MailboxAddress.Parse(mail.Value.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);

        var footer = $"{site.Value.Brand} · Telefon {site.Value.HotlineDisplay}";
        var text = string.Join("\n\n", [.. before, url, .. after, "Mit freundlichen Grüßen", site.Value.Brand, "-- ", footer]);
        static string P(string s) => $"<p>{WebUtility.HtmlEncode(s)}</p>";
        var html =
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(subject) + "</title></head>" +
            "<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c1f26\">" +
            string.Concat(before.Select(P)) +
            $"<p><a href=\"{WebUtility.HtmlEncode(url)}\" style=\"display:inline-block;padding:10px 18px;background:#14233c;color:#ffffff;text-decoration:none;border-radius:4px\">{WebUtility.HtmlEncode(linkText)}</a></p>" +
            $"<p style=\"font-size:13px\">Falls der Knopf nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:<br>{WebUtility.HtmlEncode(url)}</p>" +
            string.Concat(after.Select(P)) +
            P("Mit freundlichen Grüßen") + P(site.Value.Brand) +
            $"<hr><p style=\"font-size:12px;color:#545b66\">{WebUtility.HtmlEncode(footer)}</p></body></html>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
