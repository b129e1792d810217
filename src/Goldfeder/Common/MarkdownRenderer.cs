using Ganss.Xss;
using Markdig;

namespace Goldfeder.Common;

/// <summary>Markdown to safe HTML. Called when an article, posting or campaign is saved; the result is stored, so readers never pay for it.</summary>
public static class MarkdownRenderer
{
    /// <summary>Markdig refuses a document whose blocks and inlines nest deeper than this (lists, quotes, emphasis).</summary>
    public const int MarkdigDepthLimit = 128;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    /// <summary>Mails are typed like letters: a single line break ("Herzliche Grüße" / "Ihr Team") stays a line break.</summary>
    private static readonly MarkdownPipeline MailPipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    /// <summary>
    /// Why the text cannot be rendered, in German and naming the limit, or null. Every editor checks this before it
    /// saves: a text that fails here would otherwise be stored and then fail on every render (a lost article, a
    /// campaign that can never be previewed or sent). The HTML check runs first, as it is linear and the others are not.
    /// </summary>
    public static string? Problem(string markdown)
    {
        if (HtmlNesting.Problem(markdown) is { } html) return html;
        try
        {
            Markdown.Parse(markdown, Pipeline);
            return null;
        }
        catch (ArgumentException)
        {
            // Markdig's "too deeply nested - depth limit exceeded".
            return $"Der Text ist zu tief verschachtelt: Listen, Zitate und Hervorhebungen dürfen zusammen höchstens {MarkdigDepthLimit} Ebenen tief ineinander liegen. Bitte vereinfachen Sie ihn.";
        }
    }

    /// <summary>For a live preview while typing: the safe HTML, or the German problem as a paragraph, never an exception.</summary>
    public static string PreviewHtml(string markdown) =>
        Problem(markdown) is { } problem ? $"<p class=\"form-error\">{GermanHtml.Encode(problem)}</p>" : ToSafeHtml(markdown);

    private static readonly System.Text.Encodings.Web.HtmlEncoder GermanHtml =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string ToSafeHtml(string markdown) => Sanitizer().Sanitize(ToHtml(markdown));

    /// <summary>Elements of forms: a mail client runs no CSP, so a form in a mail could collect passwords for anyone.</summary>
    private static readonly string[] FormTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist", "output"];

    /// <summary>
    /// For a campaign mail: what the site's CSP does on pages (<c>form-action</c>, <c>img-src 'self'</c>), done to the
    /// HTML itself, since a mail client enforces no CSP. No forms or inputs; images only from the site itself (made
    /// absolute), so no outside server learns who opened the mail (a tracking pixel needs consent, § 25 TDDDG).
    /// </summary>
    public static string ToSafeMailHtml(string markdown, string siteBaseUrl)
    {
        var site = new Uri(siteBaseUrl.TrimEnd('/') + "/");
        var sanitizer = Sanitizer();
        foreach (var tag in FormTags) sanitizer.AllowedTags.Remove(tag);
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var img in e.Document.QuerySelectorAll("img").ToList())
            {
                var src = img.GetAttribute("src");
                if (src is null || !Uri.TryCreate(site, src, out var url) || url.GetLeftPart(UriPartial.Authority) != site.GetLeftPart(UriPartial.Authority))
                {
                    img.Remove();
                    continue;
                }
                img.SetAttribute("src", url.AbsoluteUri);
                img.RemoveAttribute("srcset");
            }
        };
        return sanitizer.Sanitize(ToHtml(markdown, MailPipeline));
    }

    /// <summary>A campaign's plain-text part: readable text (<see cref="MailText"/>), no Markdown syntax.</summary>
    public static string ToMailText(string markdown, string siteBaseUrl) => MailText.FromHtml(ToSafeMailHtml(markdown, siteBaseUrl));

    private static string ToHtml(string markdown, MarkdownPipeline? pipeline = null)
    {
        // Callers check Problem first; this stops a path that did not from burning minutes in the sanitizer.
        if (HtmlNesting.Problem(markdown) is { } problem) throw new ArgumentException(problem, nameof(markdown));
        return Markdown.ToHtml(markdown, pipeline ?? Pipeline);
    }

    /// <summary>A sanitizer per call: saves are rare and HtmlSanitizer's configuration is not meant to be shared across threads.</summary>
    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}
