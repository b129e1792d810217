namespace Goldfeder.Features.Campaigns;

/// <summary><c>Campaigns:*</c>. The limits keep a provider's rules; the defaults suit a local relay.</summary>
public sealed class CampaignOptions
{
    /// <summary>SMTP connections used at once; each carries many messages.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>0 means no limit.</summary>
    public int MessagesPerSecond { get; set; }

    /// <summary>0 means no limit. Counted in this process; after a restart the hour starts afresh.</summary>
    public int MessagesPerHour { get; set; }

    /// <summary>Deliveries claimed at once. At most this many can be sent twice after a crash.</summary>
    public int BatchSize { get; set; } = 200;

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Temporary failures after which a delivery is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>This many permanent refusals in a row, with no success between, pause the campaign: a misconfiguration must not burn the list.</summary>
    public int PauseAfterConsecutiveRefusals { get; set; } = 50;

    /// <summary>A campaign whose relays have all been unreachable this long pauses with the reason (0: at the first failure).</summary>
    public TimeSpan PauseWhenRelaysDownFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The admin API's original key (header <c>X-Api-Key</c>), in clear: one key with every role, named "ApiKey". Prefer <see cref="ApiKeys"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Named API keys: <c>Campaigns:ApiKeys:NAME:Sha256</c> (hex SHA-256 of the key) and <c>…:Roles</c> (see <see cref="ApiRoles"/>).</summary>
    public Dictionary<string, NamedApiKey> ApiKeys { get; set; } = [];

    /// <summary>Wrong keys one IP may send per <see cref="ApiKeyFailureWindow"/> before every call from it is answered 429.</summary>
    public int ApiKeyFailuresPerWindow { get; set; } = 10;
    public TimeSpan ApiKeyFailureWindow { get; set; } = TimeSpan.FromMinutes(10);

    public sealed class NamedApiKey
    {
        public string? Sha256 { get; set; }
        public List<string> Roles { get; set; } = [];
    }
}
