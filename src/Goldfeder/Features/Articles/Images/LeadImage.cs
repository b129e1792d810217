using System.Globalization;
using System.Text.RegularExpressions;

namespace Goldfeder.Features.Articles.Images;

/// <summary>
/// An article's lead image: the first of our uploaded images in its body (articles have no separate image field). Read
/// from the body HTML that <see cref="ResponsiveImages"/> wrote at save, so the address is the largest variant and
/// width and height are known.
/// </summary>
public sealed partial record LeadImage(string Path, int Width, int Height, string Alt, string Srcset)
{
    public const string ContentType = "image/webp";

    public static LeadImage? From(string bodyHtml)
    {
        foreach (Match img in ImgTag().Matches(bodyHtml))
        {
            var tag = img.Value;
            var src = Attribute(tag, "src");
            if (src is null || !ImageStore.ImageUrl().IsMatch(src)) continue;
            int.TryParse(Attribute(tag, "width"), NumberStyles.None, CultureInfo.InvariantCulture, out var width);
            int.TryParse(Attribute(tag, "height"), NumberStyles.None, CultureInfo.InvariantCulture, out var height);
            return new LeadImage(src, width, height, System.Net.WebUtility.HtmlDecode(Attribute(tag, "alt") ?? ""), Attribute(tag, "srcset") ?? "");
        }
        return null;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $@"\s{name}=""([^""]*)""");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<img\s[^>]*>")]
    private static partial Regex ImgTag();
}
