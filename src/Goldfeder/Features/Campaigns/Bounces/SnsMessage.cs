using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// An Amazon SNS message as posted to an HTTPS subscription, and its check: the topic must be one of ours, the
/// signing certificate's URL https on an allowed host (Amazon's own), the signature (SignatureVersion 1: RSA SHA-1,
/// 2: RSA SHA-256) must hold over the canonical string AWS documents, and the timestamp must be recent. Hand-written
/// because AWSSDK.SimpleNotificationService, whose <c>Message.IsMessageSignatureValid</c> does the same, is not served
/// by our package registry (Campaigns/CONTEXT.md).
/// </summary>
public sealed record SnsMessage(string Type, string MessageId, string TopicArn, string? Subject, string Message, string Timestamp,
    string SignatureVersion, string Signature, string SigningCertUrl, string? SubscribeUrl, string? Token)
{
    public static SnsMessage? Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            string? S(string name) => r.ValueKind == JsonValueKind.Object && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (S("Type") is not { } type || S("MessageId") is not { } id || S("TopicArn") is not { } topic || S("Message") is not { } message || S("Timestamp") is not { } timestamp)
                return null;
            return new SnsMessage(type, id, topic, S("Subject"), message, timestamp, S("SignatureVersion") ?? "", S("Signature") ?? "", S("SigningCertURL") ?? "", S("SubscribeURL"), S("Token"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fields signed, in AWS's order, each as "Name\nValue\n".</summary>
    public string StringToSign()
    {
        var fields = Type == "Notification"
            ? new[] { ("Message", Message), ("MessageId", MessageId), ("Subject", Subject), ("Timestamp", Timestamp), ("TopicArn", TopicArn), ("Type", Type) }
            : [("Message", Message), ("MessageId", MessageId), ("SubscribeURL", SubscribeUrl), ("Timestamp", Timestamp), ("Token", Token), ("TopicArn", TopicArn), ("Type", Type)];
        var s = new StringBuilder();
        foreach (var (name, value) in fields.Where(f => f.Item2 is not null)) s.Append(name).Append('\n').Append(value).Append('\n');
        return s.ToString();
    }

    public static bool AllowedUrl(string? url, string hostPattern) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort
        && Regex.IsMatch(uri.Host, hostPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>Checks <see cref="SnsMessage"/>s; certificates are fetched once per URL and kept.</summary>
public sealed class SnsVerifier(IOptions<BounceOptions> options, TimeProvider clock, ILogger<SnsVerifier> log)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, X509Certificate2> _certificates = new();
    private BounceOptions.SnsOptions Sns => options.Value.Sns;

    /// <summary>Null when the message may be taken, else the German reason for refusing it.</summary>
    public async Task<string?> ProblemAsync(SnsMessage m, CancellationToken ct)
    {
        if (!Sns.TopicArns.Contains(m.TopicArn)) return "Dieses SNS-Thema ist nicht eingerichtet (Bounces:Sns:TopicArns).";
        if (string.IsNullOrEmpty(m.Signature)) return "Die Nachricht ist nicht signiert.";
        if (m.SignatureVersion is not ("1" or "2")) return "Unbekannte Signaturversion.";
        if (!SnsMessage.AllowedUrl(m.SigningCertUrl, Sns.AllowedHostPattern)) return "Das Signaturzertifikat liegt nicht bei Amazon SNS.";
        if (!DateTimeOffset.TryParse(m.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return "Der Zeitstempel ist unlesbar.";
        var age = clock.GetUtcNow() - at;
        if (age > Sns.MaxAge || age < TimeSpan.FromMinutes(-5)) return "Die Nachricht ist zu alt (oder aus der Zukunft).";
        byte[] signature;
        try { signature = Convert.FromBase64String(m.Signature); }
        catch (FormatException) { return "Die Signatur ist unlesbar."; }
        X509Certificate2 certificate;
        try { certificate = await CertificateAsync(m.SigningCertUrl, ct); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or CryptographicException)
        {
            log.LogWarning("SNS signing certificate {Url} could not be read: {Error}", m.SigningCertUrl, e.Message);
            return "Das Signaturzertifikat war nicht zu laden.";
        }
        using var rsa = certificate.GetRSAPublicKey();
        var hash = m.SignatureVersion == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        return rsa is not null && rsa.VerifyData(Encoding.UTF8.GetBytes(m.StringToSign()), signature, hash, RSASignaturePadding.Pkcs1)
            ? null : "Die Signatur stimmt nicht.";
    }

    /// <summary>Confirms a subscription by a GET to its SubscribeURL, only on an allowed host.</summary>
    public async Task<bool> ConfirmAsync(SnsMessage m, CancellationToken ct)
    {
        if (!SnsMessage.AllowedUrl(m.SubscribeUrl, Sns.AllowedHostPattern)) return false;
        try
        {
            using var response = await Http.GetAsync(m.SubscribeUrl, ct);
            if (response.IsSuccessStatusCode) log.LogInformation("SNS subscription to {Topic} confirmed", m.TopicArn);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            log.LogWarning("SNS subscription to {Topic} could not be confirmed: {Error}", m.TopicArn, e.Message);
            return false;
        }
    }

    private async Task<X509Certificate2> CertificateAsync(string url, CancellationToken ct)
    {
        if (_certificates.TryGetValue(url, out var known)) return known;
        var pem = Sns.CertificateFile is { } file ? await File.ReadAllTextAsync(file, ct) : await Http.GetStringAsync(url, ct);
        return _certificates[url] = X509Certificate2.CreateFromPem(pem);
    }
}
