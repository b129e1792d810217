using System.Globalization;

namespace Goldfeder.Common;

/// <summary>
/// Checks and normalises an address as a reader types it: surrounding spaces trimmed, RFC 5321 lengths
/// (64 for the local part, 63 per domain label, 254 in all), a dot-atom local part, and an international domain
/// turned into its ASCII (IDNA) form in lower case. Quoted local parts are refused: real readers don't use them.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static bool TryNormalize(string? input, out string email, out string error)
    {
        email = (input ?? "").Trim();
        error = "";
        if (email.Length == 0) return Fail("Bitte geben Sie Ihre E-Mail-Adresse ein.", out error);
        if (email.Length > 1000) return Fail("Die E-Mail-Adresse ist zu lang.", out error);

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
            return Fail("Bitte geben Sie eine vollständige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.", out error);

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.Length > 64) return Fail("Der Teil vor dem @ ist zu lang (höchstens 64 Zeichen).", out error);
        if (!IsDotAtom(local))
            return Fail("Der Teil vor dem @ enthält Zeichen, die in E-Mail-Adressen nicht erlaubt sind.", out error);

        string asciiDomain;
        try
        {
            asciiDomain = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Fail("Die Domain nach dem @ ist ungültig.", out error);
        }
        var labels = asciiDomain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63) || labels[^1].All(char.IsAsciiDigit))
            return Fail("Die Domain nach dem @ ist ungültig.", out error);

        email = local + "@" + asciiDomain;
        if (email.Length > MaxLength) return Fail("Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).", out error);
        return true;
    }

    public static string Normalize(string validEmail) => validEmail.ToLowerInvariant();

    private static bool IsDotAtom(string local) =>
        !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..") && local.All(IsAtext);

    // RFC 5322 atext plus the dot.
    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c);

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
