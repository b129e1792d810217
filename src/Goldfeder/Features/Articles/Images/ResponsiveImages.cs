using AngleSharp.Html.Parser;
using Goldfeder.Common;

namespace Goldfeder.Features.Articles.Images;

/// <summary>An article's Markdown as safe HTML, with its uploaded images made responsive.</summary>
public static class ResponsiveImages
{
    /// <summary>The article column is at most about 46rem wide; on phones an image fills the screen's width.</summary>
    public const string ImageSizesAttribute = "(max-width: 48rem) 100vw, 46rem";

    /// <summary>Uploaded images named in <paramref name="images"/> get srcset, sizes, width, height and lazy loading.</summary>
    public static string ToSafeHtml(string markdown, IReadOnlyDictionary<string, ImageSizes>? images)
    {
        var safe = MarkdownRenderer.ToSafeHtml(markdown);
        return images is { Count: > 0 } ? Responsive(safe, images) : safe;
    }

    /// <summary>
    /// An image alone in its paragraph becomes a <c>figure</c> whose <c>figcaption</c> holds the Markdown title
    /// (<c>![Alt](url "Bildunterschrift")</c>) and the credit, "Foto: …". Text goes in as text, never as markup.
    /// </summary>
    private static void AsFigure(AngleSharp.Dom.IElement img, string credit)
    {
        var caption = img.GetAttribute("title")?.Trim() ?? "";
        if (caption.Length == 0 && credit.Length == 0) return;
        var paragraph = img.ParentElement;
        var alone = paragraph is { LocalName: "p" } && paragraph.ChildNodes.All(n => n == img || (n is AngleSharp.Dom.IText t && string.IsNullOrWhiteSpace(t.Data)));
        if (!alone) return;
        var document = img.Owner!;
        var figure = document.CreateElement("figure");
        var figcaption = document.CreateElement("figcaption");
        if (caption.Length > 0)
        {
            figcaption.AppendChild(document.CreateTextNode(caption));
            img.RemoveAttribute("title");
        }
        if (credit.Length > 0)
        {
            var span = document.CreateElement("span");
            span.ClassName = "credit";
            span.TextContent = "Foto: " + credit;
            if (caption.Length > 0) figcaption.AppendChild(document.CreateTextNode(" "));
            figcaption.AppendChild(span);
        }
        paragraph!.Replace(figure);
        figure.AppendChild(img);
        figure.AppendChild(figcaption);
    }

    /// <summary>Runs after the sanitizer: every attribute added here is built from our own database, not from the text.</summary>
    private static string Responsive(string safeHtml, IReadOnlyDictionary<string, ImageSizes> images)
    {
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + safeHtml + "</body></html>").Body!;
        foreach (var img in body.QuerySelectorAll("img"))
        {
            var match = ImageStore.ImageUrl().Match(img.GetAttribute("src") ?? "");
            if (!match.Success || !images.TryGetValue(match.Groups[1].Value, out var image) || image.Variants.Count == 0) continue;
            var largest = image.Variants[^1];
            img.SetAttribute("src", ImageVariant.UrlOf(image.Key, largest.Width));
            img.SetAttribute("srcset", string.Join(", ", image.Variants.Select(v => $"{ImageVariant.UrlOf(image.Key, v.Width)} {v.Width}w")));
            img.SetAttribute("sizes", ImageSizesAttribute);
            img.SetAttribute("width", largest.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            img.SetAttribute("height", largest.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            img.SetAttribute("loading", "lazy");
            img.SetAttribute("decoding", "async");
            if (string.IsNullOrWhiteSpace(img.GetAttribute("alt"))) img.SetAttribute("alt", image.Alt);
            AsFigure(img, image.Credit);
        }
        return body.InnerHtml;
    }
}
