namespace Goldfeder.Common;

/// <summary>The Impressum and Datenschutzerklärung as absolute links, for the footer of every mail (§ 5 DDG, Art. 13 GDPR).</summary>
public static class LegalLinks
{
    public sealed record Link(string Text, string Url);

    public static IReadOnlyList<Link> For(string baseUrl)
    {
        var b = baseUrl.TrimEnd('/');
        return [new("Impressum", $"{b}/impressum"), new("Datenschutz", $"{b}/datenschutz")];
    }
}
