using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Search;

/// <summary>
/// Keeps this instance's <see cref="SearchIndex"/> in step with the database, whichever process wrote it:
/// <list type="bullet">
/// <item>loaded from <c>SearchDocuments</c> at start (<see cref="SearchIndexRefresher"/>) or by the first search;</item>
/// <item>before every search, one indexed look at the newest <see cref="Article.UpdatedAtUtc"/>: every save (the
/// document is written in the same transaction) and the scheduler's publishing move it, so a change committed before
/// the search began is in the answer, from this process or any other;</item>
/// <item>after this process's own saves (<see cref="Changed"/>, told after the commit), those articles, also when
/// their time equals the newest seen;</item>
/// <item>every <c>Search:IndexPollInterval</c> (2 s) a comparison of every article's state and document version with
/// the index, for what moves no newest time: an article deleted, a document written by the catch-up or a rebuild,
/// two saves committed out of order. That interval is the bound for those.</item>
/// </list>
/// </summary>
public sealed class SearchIndexSync(ILogger<SearchIndexSync> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SearchIndex? _index;
    private long _newestSeen;
    private readonly Lock _pendingLock = new();
    private HashSet<int> _pending = [];

    /// <summary>Articles this process saved (told after the commit): read before the next search whatever their time.</summary>
    public void Changed(IReadOnlyList<int> articleIds)
    {
        if (_index is null) return; // the load reads everything
        lock (_pendingLock) _pending.UnionWith(articleIds);
    }

    private bool AnyPending
    {
        get { lock (_pendingLock) return _pending.Count > 0; }
    }

    private HashSet<int> TakePending()
    {
        lock (_pendingLock)
        {
            var taken = _pending;
            _pending = [];
            return taken;
        }
    }

    /// <summary>
    /// The index without looking at the database, when it is loaded and holds this process's own saves; the caller
    /// reads the newest change in the statement it runs anyway and asks <see cref="IsCurrent"/>. Null: use
    /// <see cref="CurrentAsync"/>.
    /// </summary>
    public SearchIndex? Loaded => _index is { } index && !AnyPending ? index : null;

    /// <summary>Whether the index holds every change up to this newest <see cref="Article.UpdatedAtUtc"/>.</summary>
    public bool IsCurrent(DateTime? newest) => (newest?.Ticks ?? 0) <= Interlocked.Read(ref _newestSeen);

    /// <summary>The index, current as of now: loaded if it is not yet, and caught up if an article changed.</summary>
    public async Task<SearchIndex> CurrentAsync(GoldfederDb db, CancellationToken ct)
    {
        var index = _index;
        var newest = await NewestAsync(db, ct);
        if (index is not null && newest <= Interlocked.Read(ref _newestSeen) && !AnyPending) return index;
        await _gate.WaitAsync(ct);
        try
        {
            if (_index is null) await LoadAsync(db, ct);
            else if (newest > Interlocked.Read(ref _newestSeen) || AnyPending) await CatchUpAsync(db, ct);
            return _index!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Compares every article with the index and applies the differences; loads it afresh when many slots are dead.</summary>
    public async Task ReconcileAsync(GoldfederDb db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var index = _index;
            if (index is null || index.DeadSlots > Math.Max(1000, index.Articles))
            {
                await LoadAsync(db, ct);
                return;
            }
            var newest = await NewestAsync(db, ct);
            var rows = await (from a in db.Articles.AsNoTracking()
                              join d in db.SearchDocuments on a.Id equals d.ArticleId into docs
                              from d in docs.DefaultIfEmpty()
                              select new { a.Id, a.Status, a.PublishedAtUtc, DocumentAtUtc = (DateTime?)d.ArticleUpdatedAtUtc })
                .ToListAsync(ct);
            var held = index.Snapshot();
            var changedDocuments = new List<int>();
            var changedStates = new List<SearchEntry>();
            foreach (var row in rows)
            {
                var now = new SearchEntry(row.Id, row.Status == ArticleStatus.Published, row.PublishedAtUtc, row.DocumentAtUtc);
                held.Remove(row.Id, out var had);
                if (now.DocumentAtUtc is null && had is null) continue;
                if (now.DocumentAtUtc is not null && now.DocumentAtUtc != had?.DocumentAtUtc) changedDocuments.Add(row.Id);
                else if (now != had) changedStates.Add(now);
            }
            if (changedDocuments.Count + changedStates.Count + held.Count == 0) return;
            index.Remove(held.Keys);
            index.Apply(changedStates);
            foreach (var batch in changedDocuments.Chunk(500))
                index.Apply((await Rows(db.Articles.Where(a => batch.Contains(a.Id)), db).ToListAsync(ct)).Select(r => r.Entry));
            Seen(newest);
            log.LogDebug("Search index: {Documents} documents and {States} states changed, {Gone} gone", changedDocuments.Count, changedStates.Count, held.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadAsync(GoldfederDb db, CancellationToken ct)
    {
        var newest = await NewestAsync(db, ct);
        var index = new SearchIndex();
        var batch = new List<SearchEntry>(500);
        await foreach (var row in Rows(db.Articles, db).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row.Entry);
            if (batch.Count < 500) continue;
            index.Apply(batch);
            batch.Clear();
        }
        index.Apply(batch);
        _index = index;
        Interlocked.Exchange(ref _newestSeen, newest);
        log.LogInformation("Search index loaded: {Articles} articles, {Stems} stems, about {Megabytes:0.0} MB",
            index.Articles, index.Stems, index.EstimatedBytes / 1048576.0);
    }

    /// <summary>Reads what changed since the newest time seen (that time included: two saves can share it).</summary>
    private async Task CatchUpAsync(GoldfederDb db, CancellationToken ct)
    {
        var since = new DateTime(Interlocked.Read(ref _newestSeen), DateTimeKind.Utc);
        var saved = TakePending().ToList();
        var changed = await Rows(db.Articles.Where(a => a.UpdatedAtUtc >= since || saved.Contains(a.Id)), db).ToListAsync(ct);
        // A saved article that is gone (deleted since) leaves the index.
        _index!.Remove(saved.Except(changed.Select(c => c.Id)));
        _index!.Apply(changed.Select(c => c.Entry));
        if (changed.Count > 0) Seen(changed.Max(c => c.UpdatedAtUtc.Ticks));
    }

    private void Seen(long ticks)
    {
        if (ticks > Interlocked.Read(ref _newestSeen)) Interlocked.Exchange(ref _newestSeen, ticks);
    }

    private sealed class Row
    {
        public int Id { get; init; }
        public ArticleStatus Status { get; init; }
        public DateTime PublishedAtUtc { get; init; }
        public DateTime UpdatedAtUtc { get; init; }
        public DateTime? DocumentAtUtc { get; init; }
        public string? TitleTerms { get; init; }
        public string? Terms { get; init; }

        public SearchEntry Entry => new(Id, Status == ArticleStatus.Published, PublishedAtUtc, DocumentAtUtc, TitleTerms, Terms);
    }

    private static IQueryable<Row> Rows(IQueryable<Article> articles, GoldfederDb db) =>
        from a in articles.AsNoTracking()
        join d in db.SearchDocuments.AsNoTracking() on a.Id equals d.ArticleId into docs
        from d in docs.DefaultIfEmpty()
        select new Row
        {
            Id = a.Id, Status = a.Status, PublishedAtUtc = a.PublishedAtUtc, UpdatedAtUtc = a.UpdatedAtUtc,
            DocumentAtUtc = (DateTime?)d.ArticleUpdatedAtUtc, TitleTerms = d.TitleTerms, Terms = d.Terms,
        };

    /// <summary>The newest <see cref="Article.UpdatedAtUtc"/> as ticks (0 for no articles); one step down an index.</summary>
    private static async Task<long> NewestAsync(GoldfederDb db, CancellationToken ct) => (await Newest(db, ct))?.Ticks ?? 0;

    // Compiled: it runs before every search, and EF's translation cache lookup cost more than the query.
    private static readonly Func<GoldfederDb, CancellationToken, Task<DateTime?>> Newest =
        EF.CompileAsyncQuery((GoldfederDb db, CancellationToken ct) => db.Set<Article>().Max(a => (DateTime?)a.UpdatedAtUtc));
}
