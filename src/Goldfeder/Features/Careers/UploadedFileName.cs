using System.Globalization;
using System.Text;

namespace Goldfeder.Features.Careers;

/// <summary>
/// The applicant's file name, made safe to show and to offer as a download name: no folders (either separator), no
/// control or bidi-override characters (a "‮fdp.exe" trick), at most 100 characters, always ending in ".pdf".
/// It is only ever shown; files are stored under random names.
/// </summary>
public static class UploadedFileName
{
    public const int MaxLength = 100;

    public static string Safe(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var sb = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            sb.Append(c is '"' or '<' or '>' or ':' or '*' or '?' or '|' ? '_' : c);
        }
        var safe = sb.ToString().Trim().TrimStart('.').Trim();
        if (safe.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) safe = safe[..^4].TrimEnd();
        if (safe.Length == 0) safe = "Anlage";
        if (safe.Length > MaxLength - 4) safe = safe[..(MaxLength - 4)];
        return safe + ".pdf";
    }
}
