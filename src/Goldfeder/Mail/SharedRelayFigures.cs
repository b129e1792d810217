using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Mail;

/// <summary>Adds one process's relay counts to <see cref="RelayFigure"/> and reads them back, merged with what it has not written yet.</summary>
public static class SharedRelayFigures
{
    public static async Task AddAsync(GoldfederDb db, RelayChanges c, CancellationToken ct)
    {
        // The state first, then the counts, and a new row with both at once: a reader who sees the counts sees the
        // state that came with them.
        var figures = db.Set<RelayFigure>();
        if (c.State is { } s) await SetStateAsync(figures, c.Relay, s, ct);
        if (await AddCountsAsync(figures, c, ct) > 0) return;
        figures.Add(new RelayFigure
        {
            Relay = c.Relay, Sent = c.Sent, Deferred = c.Deferred, Failed = c.Failed, LastError = Scrubbed(c.State?.LastError),
            NextTryUtc = c.State?.NextTryUtc, UnreachableSinceUtc = c.State?.UnreachableSinceUtc, StateAtUtc = c.State?.AtUtc ?? DateTime.UnixEpoch,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process made the row first: add to theirs.
            db.ChangeTracker.Clear();
            if (c.State is { } state) await SetStateAsync(figures, c.Relay, state, ct);
            await AddCountsAsync(figures, c, ct);
        }
    }

    private static Task<int> SetStateAsync(DbSet<RelayFigure> figures, string relay, RelayState s, CancellationToken ct) =>
        figures.Where(f => f.Relay == relay && f.StateAtUtc <= s.AtUtc).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.LastError, Scrubbed(s.LastError))
            .SetProperty(f => f.NextTryUtc, s.NextTryUtc)
            .SetProperty(f => f.UnreachableSinceUtc, s.UnreachableSinceUtc)
            .SetProperty(f => f.StateAtUtc, s.AtUtc), ct);

    // A relay's error may quote a recipient ("550 <x@example.de>: unknown"): the relay's state is no place for it.
    private static string? Scrubbed(string? error) => error is null ? null : Retry.Clip(LogText.WithoutAddresses(error));

    private static Task<int> AddCountsAsync(DbSet<RelayFigure> figures, RelayChanges c, CancellationToken ct) =>
        figures.Where(f => f.Relay == c.Relay).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.Sent, f => f.Sent + c.Sent)
            .SetProperty(f => f.Deferred, f => f.Deferred + c.Deferred)
            .SetProperty(f => f.Failed, f => f.Failed + c.Failed), ct);

    /// <summary>The written figures plus this process's unwritten counts; the newer of the two states.</summary>
    public static async Task<IReadOnlyList<RelayStatus>> ReadAsync(GoldfederDb db, IReadOnlyList<RelayChanges> unwritten, CancellationToken ct)
    {
        var names = unwritten.Select(u => u.Relay).ToList();
        var rows = await db.Set<RelayFigure>().AsNoTracking().Where(f => names.Contains(f.Relay)).ToDictionaryAsync(f => f.Relay, ct);
        return [.. unwritten.Select(u =>
        {
            var row = rows.GetValueOrDefault(u.Relay);
            var state = u.State is { } mine && (row is null || mine.AtUtc >= row.StateAtUtc) ? mine with { LastError = Scrubbed(mine.LastError) }
                : row is null ? null : new RelayState(row.LastError, row.NextTryUtc, row.UnreachableSinceUtc, row.StateAtUtc);
            return new RelayStatus(u.Relay, (row?.Sent ?? 0) + u.Sent, (row?.Deferred ?? 0) + u.Deferred, (row?.Failed ?? 0) + u.Failed,
                state?.LastError, state?.NextTryUtc, state?.UnreachableSinceUtc);
        })];
    }
}
