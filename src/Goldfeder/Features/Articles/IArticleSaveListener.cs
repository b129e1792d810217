using Goldfeder.Data;

namespace Goldfeder.Features.Articles;

/// <summary>
/// Told of every article save by <see cref="ArticleSaver"/>, inside the save's transaction and on its DbContext, so what
/// it writes commits or rolls back with the articles. The seam lets a feature that reads articles (Search) keep its
/// own tables in step without Articles knowing it: dependencies point one way.
/// </summary>
public interface IArticleSaveListener
{
    Task SavedAsync(GoldfederDb db, IReadOnlyList<int> articleIds, CancellationToken ct);

    /// <summary>After the save's transaction committed: what the save wrote is now what everyone reads.</summary>
    void Committed(IReadOnlyList<int> articleIds) { }
}
