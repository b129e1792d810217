using System.Security.Cryptography;
using System.Text;
using Goldfeder.Common.Shared;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Who is calling the admin API: the named key whose SHA-256 matches the <c>X-Api-Key</c> header (keys are long random
/// strings, so a plain hash suffices and configuration never holds a usable key), or the old <c>Campaigns:ApiKey</c>
/// as one key with every role. Wrong keys are counted per client IP; past the limit every call from that IP gets 429
/// until the window ends, so keys cannot be guessed at speed; with Redis all instances share the count
/// (<see cref="SharedCounters"/>). Every call that changes something is audited with the key's name.
/// </summary>
public sealed class ApiKeyCheck(IOptionsMonitor<CampaignOptions> options, SharedCounters counters)
{
    public const string LegacyName = "ApiKey";

    public sealed record Caller(string Name, IReadOnlySet<string> Roles);

    public async Task<bool> IsBlockedAsync(string? ip) => await counters.GetAsync(Key(ip)) >= options.CurrentValue.ApiKeyFailuresPerWindow;

    /// <summary>The caller, or null (and one more failure counted for the IP).</summary>
    public async Task<Caller?> IdentifyAsync(string? givenKey, string? ip)
    {
        var caller = string.IsNullOrEmpty(givenKey) ? null : Match(givenKey);
        if (caller is null) await counters.AddAsync(Key(ip), options.CurrentValue.ApiKeyFailureWindow);
        return caller;
    }

    private static string Key(string? ip) => "api-key|" + (ip ?? "unknown");

    private Caller? Match(string givenKey)
    {
        var o = options.CurrentValue;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(givenKey));
        Caller? found = null;
        // Every configured key is compared, in constant time, so the time does not tell which one nearly matched.
        foreach (var (name, key) in o.ApiKeys)
        {
            if (key.Sha256 is not { Length: 64 } hex || !IsHex(hex)) continue;
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(hex)))
                found = new Caller(name, key.Roles.Select(r => r.Trim().ToLowerInvariant()).ToHashSet());
        }
        if (!string.IsNullOrEmpty(o.ApiKey) && CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(o.ApiKey))))
            found ??= new Caller(LegacyName, ApiRoles.All.ToHashSet());
        return found;
    }

    private static bool IsHex(string s) => s.All(char.IsAsciiHexDigit);
}
