namespace Goldfeder.Data;

/// <summary>
/// SQLite has one writer at a time. A transaction that reads and then writes while another writes fails, and
/// Microsoft.Data.Sqlite answers a busy database by sleeping in steps of whole milliseconds. So every write on
/// SQLite queues here, in process, instead. PostgreSQL needs no queue: row locks and unique indexes do the work, and
/// there is no gate at all.
/// Nobody enters it by hand: <see cref="WriteGateInterceptor"/> takes it for every transaction and every write outside
/// one, for the EF Core connection that runs it.
/// </summary>
public sealed class WriteGate(ILogger<WriteGate> log)
{
    /// <summary>How long a writer waits before the log says so; it keeps waiting.</summary>
    private static readonly TimeSpan WarnAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _one = new(1, 1);
    // Set only by the connection that got the semaphore, cleared once by a compare-and-swap: every read is lock-free,
    // which matters because every read command and every closed connection asks whether it holds the gate.
    private Holder? _holder;

    private sealed record Holder(Guid ConnectionId, DateTime SinceUtc);

    /// <summary>Whether the EF Core connection with this id holds the gate now.</summary>
    public bool IsHeldBy(Guid connectionId) => Volatile.Read(ref _holder)?.ConnectionId == connectionId;

    /// <summary>
    /// Waits for the gate. A connection that already holds it goes on: a connection runs one thing at a time, so it
    /// can only ask again for what it is already doing.
    /// </summary>
    internal async ValueTask EnterAsync(Guid connectionId, CancellationToken ct)
    {
        if (IsHeldBy(connectionId)) return;
        var started = DateTime.UtcNow;
        while (!await _one.WaitAsync(WarnAfter, ct)) Warn(started);
        Volatile.Write(ref _holder, new Holder(connectionId, DateTime.UtcNow));
    }

    /// <inheritdoc cref="EnterAsync"/>
    internal void Enter(Guid connectionId)
    {
        if (IsHeldBy(connectionId)) return;
        var started = DateTime.UtcNow;
        while (!_one.Wait(WarnAfter)) Warn(started);
        Volatile.Write(ref _holder, new Holder(connectionId, DateTime.UtcNow));
    }

    /// <summary>Lets the next writer in, if this connection holds the gate; otherwise does nothing, so every end of a write may call it.</summary>
    internal void Exit(Guid connectionId)
    {
        var current = Volatile.Read(ref _holder);
        if (current?.ConnectionId != connectionId || Interlocked.CompareExchange(ref _holder, null, current) != current) return;
        _one.Release();
    }

    // A wait this long is a very long import, or a deadlock: a flow that holds a transaction on one DbContext and then
    // writes through another waits here for itself.
    private void Warn(DateTime started) =>
        log.LogWarning("A write has waited {Seconds:F0} s for the SQLite write gate, held since {Since:O}",
            (DateTime.UtcNow - started).TotalSeconds, Volatile.Read(ref _holder)?.SinceUtc);
}
