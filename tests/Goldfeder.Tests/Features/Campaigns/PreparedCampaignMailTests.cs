using System.Net;
using System.Security.Cryptography;
using System.Text;
using Goldfeder.Common;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Newsletter;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>
/// The campaign body is encoded once and each recipient's link spliced into the prepared bytes: every spliced mail
/// must still be a correct MIME message that says exactly what the frozen rendering says, with that recipient's link.
/// </summary>
public sealed class PreparedCampaignMailTests : IDisposable
{
    private const string P = CampaignMail.WithdrawPlaceholder;
    private readonly RSA _rsa = RSA.Create(2048);

    public static TheoryData<string, string> Renderings => new()
    {
        // The placeholder after a trailing space, mid-line in a line far longer than 76, at the start and end, twice in a row.
        { $"Grüße aus Köln – 100 % Gold = 1 Unze\nNewsletter abbestellen: {P}\n", $"<p>{new string('x', 70)}<a href=\"{P}\" style=\"color:#545b66\">Newsletter abbestellen</a></p>" },
        { $"{P} am Anfang, {P}{P} doppelt, am Ende {P}", $"{P}<p>ä ö ü ß € \t tab</p>  {P}" },
        { "Kein Link hier.\n\n\nLeere Zeilen am Ende\n\n", $"<p>{string.Concat(Enumerable.Repeat("Der Goldpreis = hoch. ", 40))}{P}</p>\n" },
        { "\r\nWindows-Zeilen\r\nund " + P + "\r\n", "<html><body>Zeile mit Leerzeichen am Ende   \n" + P + "</body></html>" },
    };

    private static readonly string[] Links =
    [
        "https://www.example.de/newsletter/abmelden?token=abc",
        "https://www.example.de/newsletter/abmelden?token=" + new string('A', 180) + "&x=1&y=%C3%A4",
    ];

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Every_spliced_mail_decodes_to_the_rendering_with_its_recipients_own_link(string text, string html)
    {
        var mails = Mails(dkim: false);
        var campaign = new Campaign { Id = 7, Subject = "Größe im Blick", BodyMarkdown = "", RenderedText = text, RenderedHtml = html };
        foreach (var (link, i) in Links.Select((l, i) => (l, i)))
        {
            var to = $"kunde{i}@example.de";
            var parsed = WrittenAndParsed(mails.For(campaign, to, link), out var raw);

            Assert.Equal(to, parsed.To.Mailboxes.Single().Address);
            Assert.Equal($"<{link}>", parsed.Headers[HeaderId.ListUnsubscribe]);
            Assert.Equal("List-Unsubscribe=One-Click", parsed.Headers[HeaderId.ListUnsubscribePost]);
            Assert.Equal("Größe im Blick", parsed.Subject);
            Assert.Equal(text.Replace(P, link).ReplaceLineEndings("\n"), parsed.TextBody!.ReplaceLineEndings("\n"));
            Assert.Equal(html.Replace(P, WebUtility.HtmlEncode(link)).ReplaceLineEndings("\n"), parsed.HtmlBody!.ReplaceLineEndings("\n"));
            foreach (var part in parsed.BodyParts.OfType<MimePart>())
                Assert.Equal(ContentEncoding.QuotedPrintable, part.ContentTransferEncoding);

            // 7-bit, CRLF only, no line longer than quoted-printable allows (76 plus CRLF), headers folded by MimeKit.
            Assert.All(raw, b => Assert.True(b < 128, "8-bit byte in the mail"));
            var lines = Encoding.ASCII.GetString(raw).Split("\r\n");
            Assert.DoesNotContain(lines, l => l.Contains('\n') || l.Contains('\r'));
            var body = lines.SkipWhile(l => l.Length > 0).ToList();
            Assert.All(body, l => Assert.True(l.Length <= 76, $"line of {l.Length}: {l}"));
        }
    }

    [Fact]
    public async Task A_spliced_mail_is_dkim_signed_so_that_MimeKits_verifier_accepts_it_and_a_changed_link_fails()
    {
        var mails = Mails(dkim: true);
        var campaign = new Campaign { Id = 8, Subject = "Gold", BodyMarkdown = "", RenderedText = $"Hallo\nAbbestellen: {P}\n", RenderedHtml = $"<a href=\"{P}\">x</a>" };
        var verifier = new DkimVerifier(new Locator(_rsa.ExportSubjectPublicKeyInfoPem()));
        foreach (var (link, i) in Links.Select((l, i) => (l, i)))
        {
            var parsed = WrittenAndParsed(mails.For(campaign, $"kunde{i}@example.de", link), out var raw);
            var signature = parsed.Headers[parsed.Headers.IndexOf(HeaderId.DkimSignature)];
            Assert.True(await verifier.VerifyAsync(parsed, signature), "the signature does not verify");

            // Someone else's link in the body breaks the body hash.
            var forged = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(raw).Replace("abmelden?token", "abmelden?tokeN"))));
            Assert.False(await verifier.VerifyAsync(forged, forged.Headers[forged.Headers.IndexOf(HeaderId.DkimSignature)]));
        }
    }

    [Fact]
    public void The_same_campaign_is_encoded_once_and_a_new_rendering_is_encoded_afresh()
    {
        var mails = Mails(dkim: false);
        var campaign = new Campaign { Id = 9, Subject = "Gold", BodyMarkdown = "", RenderedText = $"alt {P}", RenderedHtml = $"alt {P}" };
        var first = WrittenAndParsed(mails.For(campaign, "a@example.de", "https://x.example/1"), out _);
        campaign.RenderedText = $"neu {P}";
        var second = WrittenAndParsed(mails.For(campaign, "a@example.de", "https://x.example/2"), out _);
        Assert.Equal("alt https://x.example/1", first.TextBody);
        Assert.Equal("neu https://x.example/2", second.TextBody);
    }

    private CampaignMail Mails(bool dkim)
    {
        var newsletter = Options.Create(new NewsletterOptions { From = "Kettner Newsletter <news@example.de>" });
        var site = Options.Create(new SiteOptions { Brand = "Kettner Edelmetalle" });
        var signing = new DkimSigning(Options.Create(dkim
            ? new DkimOptions { Domain = "example.de", Selector = "news", PrivateKey = _rsa.ExportRSAPrivateKeyPem() }
            : new DkimOptions()));
        return new CampaignMail(newsletter, site, signing);
    }

    /// <summary>Written the way MailKit puts it on the wire (CRLF), then parsed by MimeKit.</summary>
    private static MimeMessage WrittenAndParsed(MimeMessage message, out byte[] raw)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var buffer = new MemoryStream();
        message.WriteTo(options, buffer);
        raw = buffer.ToArray();
        return MimeMessage.Load(new MemoryStream(raw));
    }

    private sealed class Locator(string publicKeyPem) : DkimPublicKeyLocatorBase
    {
        private readonly AsymmetricKeyParameter _key = (AsymmetricKeyParameter)new PemReader(new StringReader(publicKeyPem)).ReadObject();
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken ct = default) => _key;
        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken ct = default) => Task.FromResult(_key);
    }

    public void Dispose() => _rsa.Dispose();
}
