namespace Goldfeder.Common.Shared;

/// <summary>
/// Which <see cref="CacheEviction"/> rows this process has acted on. Ids are handed out before commit, so on
/// PostgreSQL a row can become visible after a higher one: rows are therefore read again for <see cref="Settle"/>
/// after they were first seen, and only then does the floor (below which nothing is read again) move past them.
/// </summary>
public sealed class EvictionsSeen
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, DateTime> _seen = [];
    private long? _floor;

    /// <summary>Everything at or below it was handled; null until the follower has looked once.</summary>
    public long? Floor
    {
        get { lock (_lock) return _floor; }
    }

    public void Start(long floor)
    {
        lock (_lock) _floor ??= floor;
    }

    /// <summary>A row this process wrote itself: its eviction is done already.</summary>
    public void Own(long id)
    {
        lock (_lock) _seen.TryAdd(id, DateTime.UtcNow);
    }

    /// <summary>Whether the row is new to this process (and remembers it).</summary>
    public bool IsNew(long id)
    {
        lock (_lock)
            return id > (_floor ?? long.MaxValue) && _seen.TryAdd(id, DateTime.UtcNow);
    }

    /// <summary>Moves the floor past the rows seen longer than <see cref="Settle"/> ago.</summary>
    public void Advance()
    {
        var settled = DateTime.UtcNow - Settle;
        lock (_lock)
        {
            if (_floor is null) return;
            var old = _seen.Where(s => s.Value < settled).Select(s => s.Key).ToList();
            if (old.Count == 0) return;
            _floor = Math.Max(_floor.Value, old.Max());
            foreach (var id in _seen.Keys.Where(id => id <= _floor).ToList()) _seen.Remove(id);
        }
    }
}
