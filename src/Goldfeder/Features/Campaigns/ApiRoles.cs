namespace Goldfeder.Features.Campaigns;

/// <summary>What an API key may do; <c>Campaigns:ApiKeys:NAME:Roles</c> lists some of these.</summary>
public static class ApiRoles
{
    /// <summary>Read a campaign's status.</summary>
    public const string Read = "read";

    /// <summary>Create campaigns.</summary>
    public const string Write = "write";

    /// <summary>Start, pause, resume, cancel a send, retry its failures.</summary>
    public const string Send = "send";

    /// <summary>Import subscribers.</summary>
    public const string Import = "import";

    public static readonly IReadOnlyList<string> All = [Read, Write, Send, Import];
}
