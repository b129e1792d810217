using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using MimeKit;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// Names a delivery in a campaign mail's Message-ID (<c>&lt;d123-MAC@domain&gt;</c>) and envelope sender
/// (<c>bounces+d123-MAC@domain</c>, VERP): the delivery's id and 80 bits of an HMAC, lower case, since some servers
/// change the case of local parts. A report is matched to a delivery only through a token whose MAC holds, so a forged
/// bounce cannot suppress anyone. Nothing is stored per mail; making one is one HMAC, so the send stays a splice.
/// </summary>
public sealed partial class DeliveryToken(Secrets secrets)
{
    private const string KeyName = "campaign-bounce";

    /// <summary>Fetch it before a write transaction (on SQLite, creating it inside one would wait on itself).</summary>
    public Task<byte[]> KeyAsync(CancellationToken ct = default) => secrets.GetAsync(KeyName, ct);

    public static string Create(byte[] key, long deliveryId) => $"d{deliveryId}-{Mac(key, deliveryId)}";

    /// <summary>The envelope sender for one delivery, or null when <see cref="BounceOptions.ReturnPath"/> is not set.</summary>
    public static MailboxAddress? ReturnPath(string? returnPath, string token)
    {
        if (string.IsNullOrWhiteSpace(returnPath)) return null;
        var at = returnPath.LastIndexOf('@');
        return new MailboxAddress("", $"{returnPath[..at]}+{token}{returnPath[at..]}");
    }

    /// <summary>The deliveries named by valid tokens anywhere in <paramref name="text"/>, first found first.</summary>
    public async Task<List<long>> FindAsync(string text, CancellationToken ct)
    {
        var found = new List<long>();
        if (string.IsNullOrEmpty(text)) return found;
        var key = await KeyAsync(ct);
        foreach (Match m in Pattern().Matches(text))
        {
            if (!long.TryParse(m.Groups[1].ValueSpan, out var id)) continue;
            var expected = Encoding.ASCII.GetBytes(Mac(key, id));
            var given = Encoding.ASCII.GetBytes(m.Groups[2].Value.ToLowerInvariant());
            if (CryptographicOperations.FixedTimeEquals(expected, given) && !found.Contains(id)) found.Add(id);
        }
        return found;
    }

    private static string Mac(byte[] key, long id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("delivery:" + id))[..10]);

    [GeneratedRegex(@"(?<![0-9a-z])d(\d{1,18})-([0-9a-f]{20})(?![0-9a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
