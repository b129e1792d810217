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
        after ??= [];
        var from = MailboxAddress.Parse(mail.Value.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);

        var brand = site.Value.Brand;
        var footer = $"{brand} · Telefon {site.Value.HotlineDisplay}";
        // The button's origin is the site the reader came from; without a button, the configured one.
        var legal = LegalLinks.For(button is not null && Uri.TryCreate(button.Url, UriKind.Absolute, out var origin)
            ? origin.GetLeftPart(UriPartial.Authority) : SiteUrls.BaseUrl(site.Value));
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
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
