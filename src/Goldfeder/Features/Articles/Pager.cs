namespace Goldfeder.Features.Articles;

/// <summary>
/// A list's page numbers: the first, the last, and two either side of the current one, with gaps ("…") between.
/// <paramref name="Url"/> gives a page's address (page 1 is the list's own address, without <c>?seite=1</c>).
/// </summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, string> Url)
{
    /// <summary>The numbers to show in order; 0 stands for a gap.</summary>
    public IEnumerable<int> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = PageNumber - 2; p <= PageNumber + 2; p++) if (p >= 1 && p <= PageCount) shown.Add(p);
        var last = 0;
        foreach (var p in shown)
        {
            if (p > last + 1) yield return 0;
            yield return p;
            last = p;
        }
    }

    /// <summary>A list at <paramref name="path"/> paged with <c>?seite=</c>.</summary>
    public static Pager ForPath(int pageNumber, int pageCount, string path) =>
        new(pageNumber, pageCount, p => p == 1 ? path : $"{path}?seite={p}");
}
