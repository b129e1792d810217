using System.Text.RegularExpressions;

namespace Goldfeder.Mail;

/// <summary>
/// A mail server's reply often repeats the recipient ("550 5.1.1 &lt;erika@example.de&gt;: unknown user"). Logs are
/// kept longer and read more widely than the outbox, so addresses are blanked before a reply is logged.
/// </summary>
public static partial class LogText
{
    public static string WithoutAddresses(string text) => Address().Replace(text, "[Adresse]");

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial Regex Address();
}
