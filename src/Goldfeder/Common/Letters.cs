using System.Net;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Goldfeder.Common;

/// <summary>
/// The site's system mails as German letters, HTML and plain text: paragraphs, an optional button link, the sign-off
/// and the brand's footer, sent from <c>Mail:From</c>. Paragraphs are HTML-encoded; input reaches headers only through
/// MimeKit's address types and the subject.
/// </summary>
public sealed class Letters(IOptions<MailOptions> mail, IOptions<SiteOptions> site)
{
    public sealed record Button(string Url, string Text);

    public MimeMessage Write(MailboxAddress to, string subject, string[] before, Button? button = null, string[]? after = null)
    {
        // The button's origin is the site the reader came from; without a button, the configured one.
        var (text, html) = Compose(subject, before, button, after ?? [], Origin(button?.Url));
        var message = Headers(to, subject);
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// A letter sent to many, each with a link of their own (the signup confirmation): composed and encoded once for the
    /// links' origin, the link spliced in per recipient (<see cref="PreparedBody"/>).
    /// </summary>
    public PreparedLetter Prepare(string origin, string subject, string[] before, string buttonText, string[]? after = null)
    {
        var (text, html) = Compose(subject, before, new Button(LinkPlaceholder, buttonText), after ?? [], origin);
        return new PreparedLetter(this, subject, new PreparedBody(text, html, LinkPlaceholder));
    }

    public sealed class PreparedLetter(Letters letters, string subject, PreparedBody body)
    {
        public MimeMessage For(MailboxAddress to, string link)
        {
            var message = letters.Headers(to, subject);
            message.Body = body.BodyFor(link);
            return message;
        }
    }

    /// <summary>The scheme and host of a link, or the configured site when there is none.</summary>
    public string Origin(string? url) => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var origin)
        ? origin.GetLeftPart(UriPartial.Authority) : SiteUrls.BaseUrl(site.Value);

    private const string LinkPlaceholder = "{{link}}";

    private MimeMessage Headers(MailboxAddress to, string subject)
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

    private (string Text, string Html) Compose(string subject, string[] before, Button? button, string[] after, string origin)
    {
        var brand = site.Value.Brand;
        var footer = $"{brand} · Telefon {site.Value.HotlineDisplay}";
        var legal = LegalLinks.For(origin);
        string[] link = button is null ? [] : [button.Url];
        var text = string.Join("\n\n", [.. before, .. link, .. after, "Mit freundlichen Grüßen", brand, "-- ", footer, .. legal.Select(l => $"{l.Text}: {l.Url}")]);
        static string P(string s) => $"<p>{WebUtility.HtmlEncode(s)}</p>";
        var buttonHtml = button is null ? "" :
            $"<p><a href=\"{WebUtility.HtmlEncode(button.Url)}\" style=\"display:inline-block;padding:10px 18px;background:#14233c;color:#ffffff;text-decoration:none;border-radius:4px\">{WebUtility.HtmlEncode(button.Text)}</a></p>" +
            $"<p style=\"font-size:13px\">Falls der Knopf nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:<br>{WebUtility.HtmlEncode(button.Url)}</p>";
        var html =
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(subject) + "</title></head>" +
            "<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c1f26\">" +
            string.Concat(before.Select(P)) + buttonHtml + string.Concat(after.Select(P)) +
            P("Mit freundlichen Grüßen") + P(brand) +
            $"<hr><p style=\"font-size:12px;color:#545b66\">{WebUtility.HtmlEncode(footer)}<br>" +
            string.Join(" · ", legal.Select(l => $"<a href=\"{WebUtility.HtmlEncode(l.Url)}\" style=\"color:#545b66\">{WebUtility.HtmlEncode(l.Text)}</a>")) +
            "</p></body></html>";
        return (text, html);
    }
}
