using Goldfeder.Common;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Goldfeder.Features.Articles;

/// <summary>Line by line differences between two revisions, fields first, then the Markdown text.</summary>
public static class RevisionDiff
{
    public static List<DiffPiece> Between(ArticleRevision older, ArticleRevision newer) =>
        InlineDiffBuilder.Diff(AsText(older), AsText(newer)).Lines;

    private static string AsText(ArticleRevision r) =>
        $"Überschrift: {r.Title}\nAdresse: /news/{r.Slug}\nStatus: {ArticleEditor.StatusLabel(r.Status)}\nAutor: {r.Author}\n" +
        $"Beschreibung für Suchmaschinen: {r.Description}\n" +
        $"Zeit: {BerlinTime.Date(r.PublishedAtUtc)} {BerlinTime.Time(r.PublishedAtUtc)}\nVorspann: {r.Lead}\n\n{r.BodyMarkdown}";
}
