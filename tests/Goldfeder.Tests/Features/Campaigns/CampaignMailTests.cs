using System.Security.Cryptography;
using Goldfeder.Tests.Infrastructure;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;

namespace Goldfeder.Tests.Features.Campaigns;

public sealed class CampaignMailTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task With_a_key_configured_each_mail_is_dkim_signed_over_both_list_unsubscribe_headers()
    {
        using var rsa = RSA.Create(2048);
        var keyFile = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, rsa.ExportRSAPrivateKeyPem());
        try
        {
            await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp,
                ("Mail:Dkim:Domain", "example.de"), ("Mail:Dkim:Selector", "news"), ("Mail:Dkim:PrivateKeyFile", keyFile),
                ("Newsletter:From", "Kettner Newsletter <news@example.de>")));
            await app.ImportAsync(CampaignFixtures.Csv(3));
            var campaign = await app.CreateCampaignAsync();
            await app.StartAsync(campaign);
            await app.WaitForStatusAsync(campaign, Goldfeder.Features.Campaigns.CampaignStatus.Sent);

            var mail = _smtp.CampaignMails().First();
            Assert.Equal("news@example.de", mail.From.Mailboxes.Single().Address);
            var signature = mail.Headers[HeaderId.DkimSignature];
            Assert.Contains("d=example.de", signature);
            var signed = signature!.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("h=", StringComparison.Ordinal)).ToLowerInvariant();
            Assert.Contains("list-unsubscribe:", signed + ":");
            Assert.Contains("list-unsubscribe-post", signed);

            var verifier = new DkimVerifier(new Locator(rsa.ExportSubjectPublicKeyInfoPem()));
            var index = mail.Headers.IndexOf(HeaderId.DkimSignature);
            Assert.True(await verifier.VerifyAsync(mail, mail.Headers[index]));

            // Changing the one-click header breaks the signature: it really is covered.
            mail.Headers["List-Unsubscribe-Post"] = "List-Unsubscribe=Anders";
            Assert.False(await verifier.VerifyAsync(mail, mail.Headers[index]));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task The_digest_lists_the_articles_published_since_the_previous_campaign()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ImportAsync(CampaignFixtures.Csv(1));
        var campaign = await app.CreateCampaignAsync(digest: true);
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, Goldfeder.Features.Campaigns.CampaignStatus.Sent);
        var mail = _smtp.CampaignMails().Single();
        Assert.Contains("Neu in unseren News", mail.HtmlBody);
        Assert.Contains("/news/" + Seed.Slug, mail.TextBody);

        // Nothing new since: no digest block.
        var next = await app.CreateCampaignAsync("Silber im Blick", digest: true);
        await app.StartAsync(next);
        await app.WaitForStatusAsync(next, Goldfeder.Features.Campaigns.CampaignStatus.Sent);
        Assert.DoesNotContain("Neu in unseren News", _smtp.CampaignMails("Silber im Blick").Single().HtmlBody);
    }

    private sealed class Locator(string publicKeyPem) : DkimPublicKeyLocatorBase
    {
        private readonly AsymmetricKeyParameter _key = (AsymmetricKeyParameter)new PemReader(new StringReader(publicKeyPem)).ReadObject();
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken ct = default) => _key;
        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken ct = default) => Task.FromResult(_key);
    }

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls DisposeAsync of the latter on a test class.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
