using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Goldfeder.Data;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The withdrawal link's token: the subscriber's id with a keyed MAC (HMAC-SHA256, 128 bits kept). It needs no
/// storage, so every mail, including each campaign mail, can carry one, and it stays valid as long as the mail
/// may be read (RFC 8058 asks for that). The preference center's link is made the same way under another purpose, so
/// neither token can stand in for the other.
/// </summary>
public sealed class WithdrawalTokens(Secrets secrets)
{
    private const string KeyName = "newsletter-withdrawal";
    public const string Withdraw = "withdraw";
    public const string Preferences = "preferences";

    public async Task<string> ForAsync(int subscriberId, CancellationToken ct = default) => Create(await KeyAsync(ct), subscriberId);

    /// <summary>Fetch the key before opening a write transaction: on SQLite, creating it inside one would wait on itself.</summary>
    public Task<byte[]> KeyAsync(CancellationToken ct = default) => secrets.GetAsync(KeyName, ct);

    public async Task<int?> VerifyAsync(string? token, CancellationToken ct = default) => await VerifyAsync(token, Withdraw, ct);

    public async Task<int?> VerifyAsync(string? token, string purpose, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        byte[] bytes;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length != 20) return null;
        var id = BinaryPrimitives.ReadInt32BigEndian(bytes);
        var key = await secrets.GetAsync(KeyName, ct);
        var expected = Mac(key, id, purpose);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(4)) ? id : null;
    }

    public static string Create(byte[] key, int subscriberId, string purpose = Withdraw)
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteInt32BigEndian(bytes, subscriberId);
        Mac(key, subscriberId, purpose).CopyTo(bytes, 4);
        return ConfirmToken.Base64Url(bytes);
    }

    private static byte[] Mac(byte[] key, int id, string purpose) =>
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(purpose + ":" + id))[..16];
}
