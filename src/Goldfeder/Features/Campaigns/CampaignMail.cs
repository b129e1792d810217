using Goldfeder.Features.Newsletter;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Builds campaign mails. The campaign is rendered once, to HTML and text holding <see cref="WithdrawPlaceholder"/> and <see cref="PreferencesPlaceholder"/>;
/// per recipient only the withdrawal and preference links are spliced into the body encoded once (<see cref="PreparedBody"/>) and
/// the headers are set. No tracking pixel, no rewritten links
/// (§25 TDDDG would need a consent of its own).
/// </summary>
public sealed class CampaignMail(IOptions<NewsletterOptions> newsletter, IOptions<SiteOptions> site, DkimSigning dkim)
{
    public const string WithdrawPlaceholder = "{{abmelden}}";

    // Parsed once; each message gets its own copy, since MimeKit's address lists subscribe to their addresses' changes.
    private readonly MailboxAddress _from = MailboxAddress.Parse(newsletter.Value.From);

    private readonly ConcurrentDictionary<int, PreparedBody> _prepared = new();

    public sealed record DigestArticle(string Title, string Lead, string Url);

    /// <summary>The withdrawal link every mail's footer starts with; the web version replaces it (<see cref="WebVersion"/>).</summary>
    private const string WithdrawLink = "<a href=\"" + WithdrawPlaceholder + "\" style=\"color:#545b66\">Newsletter abbestellen</a>";

    /// <summary>The personal preference center (topics, pause, objection), beside the withdrawal link.</summary>
    public const string PreferencesPlaceholder = "{{einstellungen}}";
    private const string PreferencesLink = " · <a href=\"" + PreferencesPlaceholder + "\" style=\"color:#545b66\">Themen und Einstellungen</a>";

    /// <summary>The archive's address of a campaign's web version ("Im Browser ansehen").</summary>
    public static string WebVersionUrl(string baseUrl, int campaignId) => $"{baseUrl.TrimEnd('/')}/newsletter/archiv/{campaignId}";

    /// <summary>
    /// The frozen mail as the public archive shows it: no personal link in it (the withdrawal placeholder becomes a
    /// link to the signup page), and no "Im Browser ansehen" (the reader is there).
    /// </summary>
    public static string WebVersion(Campaign campaign) =>
        (campaign.RenderedHtml ?? "")
            .Replace(PreferencesLink, "")
            .Replace(WithdrawLink, "<a href=\"/newsletter\" style=\"color:#545b66\">Newsletter abonnieren</a>")
            .Replace(WebVersionParagraph(campaign.BaseUrl ?? "", campaign.Id), "");

    private static string WebVersionParagraph(string baseUrl, int campaignId) =>
        $"<p style=\"margin:0;padding:8px 24px;font-size:12px;text-align:right\"><a href=\"{E(WebVersionUrl(baseUrl, campaignId))}\" style=\"color:#545b66\">Im Browser ansehen</a></p>";

    public (string Html, string Text) Render(Campaign campaign, IReadOnlyList<DigestArticle> digest, string baseUrl)
    {
        var brand = site.Value.Brand;
        var bodyHtml = MarkdownRenderer.ToSafeMailHtml(campaign.BodyMarkdown, baseUrl);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(campaign.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;background:#f4f1ea;font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c1f26\">");
        if (!string.IsNullOrWhiteSpace(campaign.Preheader))
            html.Append("<div style=\"display:none;max-height:0;overflow:hidden\">").Append(E(campaign.Preheader)).Append("</div>");
        html.Append("<div style=\"max-width:640px;margin:0 auto;background:#ffffff\">")
            .Append(WebVersionParagraph(baseUrl, campaign.Id))
            .Append("<div style=\"background:#14233c;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold\">").Append(E(brand)).Append("</div>")
            .Append("<div style=\"padding:8px 24px\">").Append(bodyHtml);
        var text = new StringBuilder().Append(brand).Append("\n\nIm Browser ansehen: ").Append(WebVersionUrl(baseUrl, campaign.Id))
            .Append("\n\n").Append(MarkdownRenderer.ToMailText(campaign.BodyMarkdown, baseUrl)).Append('\n');

        if (digest.Count > 0)
        {
            html.Append("<h2 style=\"font-size:20px\">Neu in unseren News</h2>");
            text.Append("Neu in unseren News\n\n");
            foreach (var a in digest)
            {
                html.Append("<p><a href=\"").Append(E(a.Url)).Append("\" style=\"color:#14233c;font-weight:bold\">").Append(E(a.Title)).Append("</a><br>")
                    .Append(E(a.Lead)).Append("</p>");
                text.Append("* ").Append(a.Title).Append('\n').Append(a.Lead).Append('\n').Append(a.Url).Append("\n\n");
            }
        }

        var footer = Footer();
        var legal = LegalLinks.For(baseUrl);
        html.Append("</div><div style=\"padding:16px 24px;font-size:12px;color:#545b66;border-top:1px solid #ddd\">")
            .Append(string.Concat(footer.Select(l => $"<p>{E(l)}</p>")))
            .Append("<p>").Append(WithdrawLink).Append(PreferencesLink).Append(" · ")
            .Append(string.Join(" · ", legal.Select(l => $"<a href=\"{E(l.Url)}\" style=\"color:#545b66\">{E(l.Text)}</a>"))).Append("</p>")
            .Append("</div></div></body></html>");
        text.Append("-- \n").Append(string.Join("\n", footer)).Append("\nNewsletter abbestellen: ").Append(WithdrawPlaceholder).Append('\n')
            .Append("Themen und Einstellungen: ").Append(PreferencesPlaceholder).Append('\n')
            .Append(string.Join("\n", legal.Select(l => $"{l.Text}: {l.Url}"))).Append('\n');
        return (html.ToString(), text.ToString());
    }

    /// <summary>Who sends it (§5 DDG), why the reader gets it, and how to stop it (Art. 7(3) GDPR, §7(3) UWG).</summary>
    private string[] Footer()
    {
        var imprint = newsletter.Value.Imprint ?? $"{site.Value.Brand} · Telefon {site.Value.HotlineDisplay}";
        return
        [
            $"Sie erhalten diese E-Mail, weil Sie den Newsletter von {site.Value.Brand} abonniert und Ihre E-Mail-Adresse bestätigt haben.",
            "Sie können Ihre Einwilligung jederzeit und ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen: mit einem Klick auf den Link unten.",
            .. imprint.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        ];
    }

    /// <summary>One recipient's mail: the frozen rendering with their withdrawal link, and headers of their own.</summary>
    /// <param name="deliveryToken">The delivery's <see cref="Bounces.DeliveryToken"/>: the Message-ID carries it, so a bounce or complaint quoting the mail names its delivery.</param>
    public MimeMessage For(Campaign campaign, string to, string withdrawUrl, string? preferencesUrl = null, string? deliveryToken = null)
    {
        // A test send has no subscriber: its preference link goes to the signup page.
        preferencesUrl ??= $"{(campaign.BaseUrl ?? SiteUrls.Fallback).TrimEnd('/')}/newsletter";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = campaign.Subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = deliveryToken is null ? MimeUtils.GenerateMessageId(_from.Domain) : $"{deliveryToken}@{_from.Domain}";
        message.Headers.Add("List-Id", newsletter.Value.ListId);
        message.Headers.Add("List-Unsubscribe", $"<{withdrawUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        message.Body = Prepared(campaign).BodyFor(withdrawUrl, preferencesUrl);
        dkim.Sign(message);
        return message;
    }

    /// <summary>The campaign's body encoded once (<see cref="PreparedBody"/>), kept for the few campaigns sending now.</summary>
    private PreparedBody Prepared(Campaign campaign)
    {
        if (_prepared.TryGetValue(campaign.Id, out var known) && known.Text == campaign.RenderedText && known.Html == campaign.RenderedHtml) return known;
        if (_prepared.Count >= 16) _prepared.Clear();
        return _prepared[campaign.Id] = new PreparedBody(campaign.RenderedText!, campaign.RenderedHtml!, WithdrawPlaceholder, PreferencesPlaceholder);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
