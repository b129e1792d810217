namespace Goldfeder.Data;

/// <summary>
/// One person's data in one feature. Every feature that stores personal data (an address, a name, an IP address, a
/// file) implements this once, so the data-protection officer's export (GDPR Art. 15) and erasure (Art. 17) reach all
/// of it and a new feature cannot be forgotten. The officer's page calls every implementation.
/// </summary>
public interface IPersonalData
{
    /// <summary>The key under which this part appears in the export (German, for the person reading it).</summary>
    string Section { get; }

    /// <summary>What this feature holds about the address; empty when nothing.</summary>
    Task<IReadOnlyList<object>> ExportAsync(string normalizedEmail, CancellationToken ct);

    /// <summary>Deletes or anonymises what this feature holds about the address, inside the caller's transaction.</summary>
    Task EraseAsync(string normalizedEmail, CancellationToken ct);
}
