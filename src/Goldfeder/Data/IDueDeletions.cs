namespace Goldfeder.Data;

/// <summary>
/// Records a feature deletes by itself once their time is up (an application's retention period, an unconfirmed
/// signup), counted while they are due and not yet gone. The data-protection officer's dashboard shows the counts: a
/// job that runs every hour keeps them near zero, so a number that stays means the deletion is stuck.
/// </summary>
public interface IDueDeletions
{
    /// <summary>German nouns for one and for several ("Bewerbung", "Bewerbungen"), and the rule after which they are due.</summary>
    string One { get; }
    string Many { get; }
    string Rule { get; }

    Task<int> CountAsync(CancellationToken ct);
}
