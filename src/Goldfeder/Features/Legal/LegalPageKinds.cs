namespace Goldfeder.Features.Legal;

/// <summary>The two legal pages every German site needs, by slug (their route) with their titles.</summary>
public static class LegalPageKinds
{
    public const string Imprint = "impressum";
    public const string Privacy = "datenschutz";

    public static readonly IReadOnlyList<string> All = [Imprint, Privacy];

    public static string Title(string slug) => slug == Imprint ? "Impressum" : "Datenschutzerklärung";
}
