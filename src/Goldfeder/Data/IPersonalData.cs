namespace Goldfeder.Data;

/// <summary>
/// One person's data in one feature. Every feature that stores personal data (an address, a name, a phone number, an
/// IP address, a user agent, a file) implements this once, so the data-protection officer's lookup, export (GDPR
/// Art. 15) and erasure (Art. 17) reach all of it. <see cref="Covers"/> names the entities it answers for; a test fails
/// when an entity with a personal-data column is covered by no implementation, so a new feature cannot be forgotten.
/// </summary>
public interface IPersonalData
{
    /// <summary>The heading of this part in the export (German, for the person reading it).</summary>
    string Section { get; }

    /// <summary>Why it is stored (Art. 15(1)(a)), German.</summary>
    string Purpose { get; }

    /// <summary>How long it is kept (Art. 15(1)(d)), German.</summary>
    string Retention { get; }

    /// <summary>The entity types whose personal data this part finds, exports and erases.</summary>
    IReadOnlyCollection<Type> Covers { get; }

    /// <summary>What this feature holds about the address (normalised, lower case); empty when nothing.</summary>
    Task<IReadOnlyList<PersonalRecord>> ExportAsync(string normalizedEmail, CancellationToken ct);

    /// <summary>Deletes or anonymises what this feature holds about the address, inside the caller's transaction.</summary>
    Task EraseAsync(string normalizedEmail, CancellationToken ct);
}
