using System.Collections.Concurrent;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The newsletter's system mails, German, HTML and plain text. The confirmation mail is deliberately neutral: what was
/// asked, the link, what happens otherwise, who sends it. LG Stendal (22 S 87/20) held any advertising in it unlawful.
/// </summary>
public sealed class NewsletterMails(Letters letters, IOptions<SiteOptions> site, IOptions<NewsletterOptions> newsletter) : IOutboxLetter
{
    public const string ConfirmationSubject = "Bitte bestätigen Sie Ihre Newsletter-Anmeldung";

    /// <summary>The confirmation mail is queued as this kind with its link as data, and rendered when sent.</summary>
    public string Kind => ConfirmationKind;

    public const string ConfirmationKind = "newsletter-confirmation";

    /// <summary>
    /// The outbox renders thousands of these a second under a signup rush: composed and encoded once per origin (the
    /// site's address; one in practice), only the link spliced in per mail.
    /// </summary>
    public MimeMessage Render(string recipient, string data)
    {
        var origin = letters.Origin(data);
        if (_confirmations.Count >= 16) _confirmations.Clear(); // without Site:BaseUrl the origin is the request's Host
        var prepared = _confirmations.GetOrAdd(origin, o => letters.Prepare(o, ConfirmationSubject,
            ConfirmationBefore(), "Anmeldung bestätigen", ConfirmationAfter(newsletter.Value.ConfirmationValidFor)));
        return prepared.For(MailboxAddress.Parse(recipient), data);
    }

    private readonly ConcurrentDictionary<string, Letters.PreparedLetter> _confirmations = new();

    public MimeMessage Confirmation(string to, string confirmUrl, TimeSpan validFor) =>
        Build(to, ConfirmationSubject, ConfirmationBefore(), confirmUrl, "Anmeldung bestätigen", ConfirmationAfter(validFor));

    private string[] ConfirmationBefore() =>
    [
        "Guten Tag,",
        $"für diese E-Mail-Adresse wurde die Anmeldung zum Newsletter von {site.Value.Brand} angefordert.",
        "Bitte bestätigen Sie die Anmeldung mit einem Klick auf diesen Link:",
    ];

    private static string[] ConfirmationAfter(TimeSpan validFor)
    {
        var days = (int)Math.Round(validFor.TotalDays);
        var validity = days >= 1 ? $"{days} Tage" : $"{(int)validFor.TotalHours} Stunden";
        return
        [
            $"Der Link ist {validity} gültig.",
            "Wenn Sie sich nicht angemeldet haben, müssen Sie nichts tun: Ohne Bestätigung erhalten Sie keinen Newsletter, und die Adresse wird gelöscht.",
        ];
    }

    public MimeMessage Welcome(string to, string withdrawUrl, string preferencesUrl)
    {
        var message = Build(to, $"Ihre Anmeldung zum {site.Value.Brand} Newsletter ist bestätigt",
        [
            "Guten Tag,",
            $"vielen Dank: Ihre Anmeldung zum Newsletter von {site.Value.Brand} ist bestätigt.",
            "Sie können Ihre Einwilligung jederzeit und ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen, mit einem Klick hier:",
        ], withdrawUrl, "Newsletter abbestellen",
        [
            $"Ihre Themen wählen, den Newsletter pausieren oder allen Werbe-E-Mails widersprechen: {preferencesUrl}",
        ]);
        AddListHeaders(message, withdrawUrl);
        return message;
    }

    public const string RepermissionSubject = "Möchten Sie unseren Newsletter weiter erhalten?";

    /// <summary>
    /// The renewal of stale consent: one question, one button to the preference center, which shows the confirm button
    /// (GET shows, POST confirms). No advertising in it, like the confirmation mail.
    /// </summary>
    public MimeMessage Repermission(string to, string preferencesUrl, TimeSpan answerWithin)
    {
        var message = Build(to, RepermissionSubject,
        [
            "Guten Tag,",
            $"Sie haben den Newsletter von {site.Value.Brand} vor längerer Zeit abonniert. Möchten Sie ihn weiter erhalten? Dann bestätigen Sie es bitte mit einem Klick:",
        ], preferencesUrl, "Ja, Newsletter weiter erhalten",
        [
            $"Wenn Sie nicht innerhalb von {(int)Math.Round(answerWithin.TotalDays)} Tagen antworten, schicken wir Ihnen keinen Newsletter mehr. Ihre Themen und Einstellungen finden Sie unter demselben Link.",
        ]);
        return message;
    }

    /// <summary>RFC 2369 and RFC 8058 one-click withdrawal headers, plus the list's identity (RFC 2919).</summary>
    public void AddListHeaders(MimeMessage message, string withdrawUrl)
    {
        message.Headers.Add("List-Id", newsletter.Value.ListId);
        message.Headers.Add("List-Unsubscribe", $"<{withdrawUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private MimeMessage Build(string to, string subject, string[] before, string url, string linkText, string[] after) =>
        letters.Write(MailboxAddress.Parse(to), subject, before, new Letters.Button(url, linkText), after);
}
