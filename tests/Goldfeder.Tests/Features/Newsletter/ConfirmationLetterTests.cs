using Goldfeder.Common;
using Goldfeder.Features.Newsletter;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Tests.Features.Newsletter;

/// <summary>
/// The outbox renders confirmation mails from a letter encoded once, with each signup's link spliced in: each must say
/// exactly what the letter composed for that one recipient says, and be a correct MIME message.
/// </summary>
public sealed class ConfirmationLetterTests
{
    [Theory]
    [InlineData("https://www.example.de/newsletter/bestaetigen?token=abc")]
    [InlineData("https://www.example.de/newsletter/bestaetigen?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&a=1")]
    [InlineData("http://127.0.0.1:5080/newsletter/bestaetigen?token=x-y_z")]
    public void A_spliced_confirmation_says_what_the_letter_composed_for_that_recipient_says(string link)
    {
        var validFor = TimeSpan.FromDays(7);
        var mails = new NewsletterMails(
            new Letters(Options.Create(new MailOptions { From = "Kettner Edelmetalle <redaktion@example.de>" }),
                Options.Create(new SiteOptions { Brand = "Kettner Edelmetalle", HotlineDisplay = "0221 123" })),
            Options.Create(new SiteOptions { Brand = "Kettner Edelmetalle" }),
            Options.Create(new NewsletterOptions { ConfirmationValidFor = validFor }));

        foreach (var to in new[] { "erika@example.de", "max.mustermann@example.org" })
        {
            var spliced = Parsed(mails.Render(to, link));
            var composed = Parsed(mails.Confirmation(to, link, validFor));

            Assert.Equal(to, spliced.To.Mailboxes.Single().Address);
            Assert.Equal(NewsletterMails.ConfirmationSubject, spliced.Subject);
            Assert.Equal(composed.TextBody!.ReplaceLineEndings("\n"), spliced.TextBody!.ReplaceLineEndings("\n"));
            Assert.Equal(composed.HtmlBody!.ReplaceLineEndings("\n"), spliced.HtmlBody!.ReplaceLineEndings("\n"));
            Assert.Contains(link, spliced.TextBody);
            Assert.NotEqual(spliced.MessageId, Parsed(mails.Render(to, link)).MessageId);
        }
    }

    private static MimeMessage Parsed(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var buffer = new MemoryStream();
        message.WriteTo(options, buffer);
        buffer.Position = 0;
        return MimeMessage.Load(buffer);
    }
}
