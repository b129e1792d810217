namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>What one import did; <see cref="Skipped"/> counts posts already imported earlier.</summary>
public sealed record ImportSummary(int Imported, int Skipped, int Published, int Scheduled, int Drafts)
{
    public override string ToString() =>
        $"imported: {Imported} (published {Published}, scheduled {Scheduled}, drafts {Drafts}), skipped as already imported: {Skipped}";
}
