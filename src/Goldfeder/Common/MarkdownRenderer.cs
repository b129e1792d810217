using Ganss.Xss;
using Markdig;

namespace Goldfeder.Common;

/// <summary>Markdown to safe HTML. Called when an article, posting or campaign is saved; the result is stored, so readers never pay for it.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    public static string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        // A sanitizer per call: saves are rare and HtmlSanitizer's configuration is not meant to be shared across threads.
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer.Sanitize(html);
    }
}
