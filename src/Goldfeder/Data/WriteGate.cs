namespace Goldfeder.Data;

/// <summary>
/// SQLite has one writer at a time. A transaction that reads and then writes while another writes fails, and
/// Microsoft.Data.Sqlite answers a busy database by sleeping in steps of whole milliseconds. So every write on
/// SQLite queues here, in process, instead. PostgreSQL needs no queue: row locks and unique indexes do the work.
/// Never enter it twice on one path: it is not reentrant.
/// </summary>
public sealed class WriteGate(IConfiguration config)
{
    private readonly SemaphoreSlim? _sqlite =
        string.Equals(config["Storage:Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase) ? new(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (_sqlite is null) return Open.Instance;
        await _sqlite.WaitAsync(ct);
        return new Releaser(_sqlite);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();
        public void Dispose() { }
    }
}
