using System.Globalization;
using System.Text;

namespace Goldfeder.Common;

public static class Slug
{
    /// <summary>
    /// A URL slug from a German title: umlauts transliterated (ä→ae, ö→oe, ü→ue, ß→ss), other accents dropped,
    /// everything else that is not a letter or digit becomes a single hyphen.
    /// </summary>
    public static string From(string title, int maxLength = 80)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            var replacement = c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ => null,
            };
            if (replacement is not null) { sb.Append(replacement); continue; }

            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
                if (d is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(d);
                else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            // Cut at the last word boundary that fits, unless that would leave a single word cut short.
            var cut = slug[maxLength] == '-' ? maxLength : slug.LastIndexOf('-', maxLength - 1);
            slug = slug[..(cut > 0 ? cut : maxLength)];
        }
        return slug.Length == 0 ? "artikel" : slug;
    }

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= 200 && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--");
}
