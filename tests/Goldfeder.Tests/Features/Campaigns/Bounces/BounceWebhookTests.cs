using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Campaigns.Bounces;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Campaigns.Bounces;

/// <summary>
/// SES through SNS and Postmark post their events over HTTP. The SNS messages are signed here as AWS signs them, with a
/// certificate of the test's own, which the site reads from a file (Bounces:Sns:CertificateFile) instead of fetching it
/// from the SigningCertURL; the URL's host is still checked.
/// </summary>
public sealed class BounceWebhookTests : IAsyncLifetime
{
    private const string Topic = "arn:aws:sns:eu-central-1:123456789012:goldfeder-bounces";
    private const string CertUrl = "https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-test.pem";
    private readonly TestSmtpServer _smtp = new();
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _certFile = Path.Combine(Path.GetTempPath(), $"gf-sns-{Guid.NewGuid():N}.pem");

    public async Task InitializeAsync()
    {
        var request = new CertificateRequest("CN=sns.amazonaws.com", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(_certFile, certificate.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        File.Delete(_certFile);
        _key.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task<GoldfederApp> SentCampaignAsync()
    {
        var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp,
            ("Bounces:ReturnPath", "bounces@goldfeder.example"), ("Bounces:Sns:TopicArns:0", Topic), ("Bounces:Sns:CertificateFile", _certFile),
            ("Bounces:Postmark:User", "postmark"), ("Bounces:Postmark:Password", "ein-langes-webhook-passwort")));
        await app.ImportAsync(CampaignFixtures.Csv(4));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        return app;
    }

    [Fact]
    public async Task Signed_SES_bounces_and_complaints_apply_once_and_everything_unsigned_stale_or_foreign_is_refused()
    {
        await using var app = await SentCampaignAsync();
        var client = app.Browser();
        var sent = _smtp.To(CampaignFixtures.Address(1)).Single();

        // A permanent bounce naming the mail by its Message-ID (SES's "include original headers"), delivered twice.
        var bounce = Sns(SesBounce(CampaignFixtures.Address(1), "Permanent", sent.MessageId), "2");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/api/bounces/ses", bounce)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/api/bounces/ses", bounce)).StatusCode);
        // A complaint with no headers: found by the address. Signature version 1 (SHA-1).
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/api/bounces/ses", Sns(SesComplaint(CampaignFixtures.Address(2)), "1"))).StatusCode);

        var state = await StateAsync(app);
        Assert.Equal([CampaignFixtures.Address(1), CampaignFixtures.Address(2)], state.Suppressed);
        Assert.Equal(["Complaint:ses", "Hard:ses"], state.Events);
        Assert.Equal(SubscriberStatus.Withdrawn, state.Subscribers[CampaignFixtures.Address(2)]);

        // Each of these would suppress kunde000000 if it were taken.
        var victim = SesBounce(CampaignFixtures.Address(0), "Permanent", null);
        var refused = new (string What, Dictionary<string, string> Message, HttpStatusCode Status)[]
        {
            ("unsigned", Without(Sns(victim, "2"), "Signature"), HttpStatusCode.Forbidden),
            ("wrong key", Sns(victim, "2", key: RSA.Create(2048)), HttpStatusCode.Forbidden),
            ("changed after signing", With(Sns(victim, "2"), "Message", SesBounce(CampaignFixtures.Address(3), "Permanent", null)), HttpStatusCode.Forbidden),
            ("foreign certificate host", Sns(victim, "2", certUrl: "https://sns.eu-central-1.amazonaws.com.evil.example/cert.pem"), HttpStatusCode.Forbidden),
            ("certificate over http", Sns(victim, "2", certUrl: "http://sns.eu-central-1.amazonaws.com/cert.pem"), HttpStatusCode.Forbidden),
            ("stale", Sns(victim, "2", at: DateTimeOffset.UtcNow.AddHours(-2)), HttpStatusCode.Forbidden),
            ("other topic", Sns(victim, "2", topic: "arn:aws:sns:eu-central-1:999999999999:fremd"), HttpStatusCode.Forbidden),
        };
        foreach (var (what, message, status) in refused)
        {
            var response = await PostAsync(client, "/api/bounces/ses", message);
            Assert.True(status == response.StatusCode, $"{what}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // A subscription confirmation, correctly signed, whose SubscribeURL is not Amazon's: not followed.
        var subscribe = await PostAsync(client, "/api/bounces/ses", Subscription("https://attacker.example/confirm?Token=x"));
        Assert.Equal(HttpStatusCode.BadRequest, subscribe.StatusCode);
        Assert.Equal("application/problem+json", subscribe.Content.Headers.ContentType?.MediaType);

        var garbage = await client.PostAsync("/api/bounces/ses", new StringContent("kein json", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType?.MediaType);
        Assert.Equivalent(state, await StateAsync(app), strict: true);
    }

    [Fact]
    public async Task Postmark_events_apply_once_with_the_right_credentials_and_never_without()
    {
        await using var app = await SentCampaignAsync();
        var client = app.Browser();
        var hard = new { RecordType = "Bounce", ID = 4323372036854775807, Type = "HardBounce", Email = CampaignFixtures.Address(1).ToUpperInvariant(), Description = "The server was unable to deliver your message (ex: unknown user, mailbox not found)." };
        var complaint = new { RecordType = "SpamComplaint", ID = 42, Type = "SpamComplaint", Email = CampaignFixtures.Address(2) };
        var soft = new { RecordType = "Bounce", ID = 43, Type = "SoftBounce", Email = CampaignFixtures.Address(3) };

        foreach (var (user, password) in new[] { ("postmark", "falsch"), ("jemand", "ein-langes-webhook-passwort"), ((string?)null, (string?)null) })
        {
            var response = await PostmarkAsync(client, hard, user, password);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Empty((await StateAsync(app)).Suppressed);

        foreach (var e in new object[] { hard, hard, complaint, soft, complaint })
            Assert.Equal(HttpStatusCode.OK, (await PostmarkAsync(client, e, "postmark", "ein-langes-webhook-passwort")).StatusCode);
        var state = await StateAsync(app);
        Assert.Equal([CampaignFixtures.Address(1), CampaignFixtures.Address(2)], state.Suppressed);
        Assert.Equal(["Complaint:postmark", "Hard:postmark", "Soft:postmark"], state.Events);
        Assert.Equal(SubscriberStatus.Withdrawn, state.Subscribers[CampaignFixtures.Address(2)]);
        Assert.Equal(SubscriberStatus.Confirmed, state.Subscribers[CampaignFixtures.Address(3)]);
    }

    private static Task<HttpResponseMessage> PostmarkAsync(HttpClient client, object e, string? user, string? password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bounces/postmark") { Content = new StringContent(JsonSerializer.Serialize(e), Encoding.UTF8, "application/json") };
        if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client.SendAsync(request);
    }

    private static string SesBounce(string address, string type, string? messageId) => JsonSerializer.Serialize(new
    {
        notificationType = "Bounce",
        bounce = new
        {
            bounceType = type, bounceSubType = "General", feedbackId = Guid.NewGuid().ToString(),
            bouncedRecipients = new[] { new { emailAddress = address, action = "failed", status = "5.1.1", diagnosticCode = $"smtp; 550 5.1.1 <{address}>: user unknown" } },
        },
        mail = new
        {
            messageId = "0102018c-ses-id", source = "newsletter@goldfeder.example",
            headers = messageId is null ? [] : new[] { new { name = "Message-ID", value = $"<{messageId}>" } },
        },
    });

    private static string SesComplaint(string address) => JsonSerializer.Serialize(new
    {
        notificationType = "Complaint",
        complaint = new { complainedRecipients = new[] { new { emailAddress = address } }, complaintFeedbackType = "abuse", feedbackId = Guid.NewGuid().ToString() },
        mail = new { messageId = "0102018c-ses-id-2", source = "newsletter@goldfeder.example" },
    });

    /// <summary>An SNS notification signed as AWS documents it: "Name\nValue\n" for Message, MessageId, Subject (if any), Timestamp, TopicArn, Type.</summary>
    private Dictionary<string, string> Sns(string message, string version, RSA? key = null, string certUrl = CertUrl, DateTimeOffset? at = null, string topic = Topic)
    {
        var fields = new Dictionary<string, string>
        {
            ["Type"] = "Notification", ["MessageId"] = Guid.NewGuid().ToString(), ["TopicArn"] = topic, ["Message"] = message,
            ["Timestamp"] = (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["SignatureVersion"] = version, ["SigningCertURL"] = certUrl,
            ["UnsubscribeURL"] = "https://sns.eu-central-1.amazonaws.com/?Action=Unsubscribe",
        };
        var canonical = string.Concat(new[] { "Message", "MessageId", "Timestamp", "TopicArn", "Type" }.Select(n => $"{n}\n{fields[n]}\n"));
        fields["Signature"] = Convert.ToBase64String((key ?? _key).SignData(Encoding.UTF8.GetBytes(canonical),
            version == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return fields;
    }

    /// <summary>A SubscriptionConfirmation, signed over Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.</summary>
    private Dictionary<string, string> Subscription(string subscribeUrl)
    {
        var fields = new Dictionary<string, string>
        {
            ["Type"] = "SubscriptionConfirmation", ["MessageId"] = Guid.NewGuid().ToString(), ["Token"] = "2336412f37fb687f5d51e6e2425c464de12884",
            ["TopicArn"] = Topic, ["Message"] = "You have chosen to subscribe to the topic.", ["SubscribeURL"] = subscribeUrl,
            ["Timestamp"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), ["SignatureVersion"] = "2", ["SigningCertURL"] = CertUrl,
        };
        var canonical = string.Concat(new[] { "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type" }.Select(n => $"{n}\n{fields[n]}\n"));
        fields["Signature"] = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(canonical), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return fields;
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> d, string name) { d.Remove(name); return d; }

    private static Dictionary<string, string> With(Dictionary<string, string> d, string name, string value) { d[name] = value; return d; }

    /// <summary>SNS posts JSON as text/plain.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> message) =>
        client.PostAsync(path, new StringContent(JsonSerializer.Serialize(message), Encoding.UTF8, "text/plain"));

    private sealed record State(List<string> Suppressed, Dictionary<string, SubscriberStatus> Subscribers, List<string> Events);

    private static Task<State> StateAsync(GoldfederApp app) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<GoldfederDb>();
        return new State(
            await db.Suppressions.OrderBy(s => s.NormalizedEmail).Select(s => s.NormalizedEmail).ToListAsync(),
            await db.Subscribers.ToDictionaryAsync(s => s.NormalizedEmail, s => s.Status),
            (await db.BounceEvents.AsNoTracking().ToListAsync()).Select(e => $"{e.Kind}:{e.Source}").Order(StringComparer.Ordinal).ToList());
    });
}
