using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Goldfeder.Mail;

/// <summary>
/// One relay as the <see cref="RelayPool"/> uses it: its kept connections, its limits (connections, per second, per
/// hour) and its back-off. A "slow down" answer or an unreachable relay blocks it until its next try, doubling from
/// <see cref="MailOptions.RelayRetryBase"/> to <see cref="MailOptions.RelayRetryMax"/>; a success clears that.
/// </summary>
internal sealed class Relay : IAsyncDisposable
{
    private readonly Func<IMailTransport> _connect;
    private readonly ConcurrentBag<IMailTransport> _idle = [];
    private readonly SemaphoreSlim? _connections;
    private readonly TokenBucketRateLimiter? _perSecond;
    private readonly int _perHour;
    private readonly Queue<DateTime> _lastHour = new();
    private readonly TimeSpan _retryBase, _retryMax;
    private readonly Lock _gate = new();
    private int _setbacksInARow;
    private long _sent, _deferred, _failed;
    private long _writtenSent, _writtenDeferred, _writtenFailed;
    private long _stateVersion, _writtenStateVersion;
    private DateTime _stateAtUtc;

    public Relay(string name, Func<IMailTransport> connect, RelayOptions? options, TimeSpan retryBase, TimeSpan retryMax)
    {
        Name = name;
        _connect = connect;
        _retryBase = retryBase;
        _retryMax = retryMax;
        if (options?.Connections > 0) _connections = new SemaphoreSlim(options.Connections, options.Connections);
        if (options?.MessagesPerSecond > 0)
            _perSecond = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.MessagesPerSecond, TokensPerPeriod = options.MessagesPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = int.MaxValue, AutoReplenishment = true,
            });
        _perHour = options?.MessagesPerHour ?? 0;
    }

    public string Name { get; }
    public string? LastError { get; private set; }
    public DateTime? NextTryUtc { get; private set; }

    /// <summary>Since when every try failed to reach it; null once it answered again.</summary>
    public DateTime? UnreachableSinceUtc { get; private set; }

    public RelayStatus Status() => new(Name, Interlocked.Read(ref _sent), Interlocked.Read(ref _deferred), Interlocked.Read(ref _failed), LastError, NextTryUtc, UnreachableSinceUtc);

    /// <summary>What this process has not yet added to <see cref="RelayFigure"/>: counts, and its state if it changed since.</summary>
    public RelayChanges Unwritten()
    {
        lock (_gate)
            return new(Name, Interlocked.Read(ref _sent) - _writtenSent, Interlocked.Read(ref _deferred) - _writtenDeferred,
                Interlocked.Read(ref _failed) - _writtenFailed,
                _stateVersion != _writtenStateVersion ? new RelayState(LastError, NextTryUtc, UnreachableSinceUtc, _stateAtUtc) : null, _stateVersion);
    }

    public void Written(RelayChanges changes)
    {
        lock (_gate)
        {
            _writtenSent += changes.Sent;
            _writtenDeferred += changes.Deferred;
            _writtenFailed += changes.Failed;
            _writtenStateVersion = changes.StateVersion;
        }
    }

    // The wall clock, not the pool's TimeProvider: it orders states seen by different processes.
    private void StateChanged()
    {
        _stateVersion++;
        _stateAtUtc = DateTime.UtcNow;
    }

    /// <summary>When it may be tried again, or null if now: after a back-off, or when its hour is used up.</summary>
    public DateTime? BlockedUntil(DateTime now)
    {
        lock (_gate)
        {
            if (NextTryUtc > now) return NextTryUtc;
            if (_perHour <= 0) return null;
            while (_lastHour.Count > 0 && _lastHour.Peek() <= now.AddHours(-1)) _lastHour.Dequeue();
            return _lastHour.Count >= _perHour ? _lastHour.Peek().AddHours(1) : null;
        }
    }

    /// <summary>A kept connection, after waiting for a free connection slot and a token of the per-second limit.</summary>
    public async Task<IMailTransport> TakeAsync(CancellationToken ct)
    {
        if (_connections is not null) await _connections.WaitAsync(ct);
        try
        {
            if (_perSecond is not null) using (await _perSecond.AcquireAsync(1, ct)) { }
        }
        catch
        {
            _connections?.Release();
            throw;
        }
        return _idle.TryTake(out var connection) ? connection : _connect();
    }

    public void Return(IMailTransport connection)
    {
        _idle.Add(connection);
        _connections?.Release();
    }

    public void Sent(DateTime now)
    {
        Interlocked.Increment(ref _sent);
        lock (_gate)
        {
            Recovered();
            if (_perHour > 0) _lastHour.Enqueue(now);
        }
    }

    /// <summary>The relay answered for good (sent or refused the recipient): it works.</summary>
    public void Answered()
    {
        lock (_gate) Recovered();
    }

    private void Recovered()
    {
        _setbacksInARow = 0;
        if (NextTryUtc is null && UnreachableSinceUtc is null) return;
        NextTryUtc = null;
        UnreachableSinceUtc = null;
        StateChanged();
    }

    /// <summary>A "slow down" answer or no answer at all: blocked until the next try, each time twice as long.</summary>
    public void SetBack(string reason, bool unreachable, DateTime now)
    {
        Interlocked.Increment(ref _deferred);
        lock (_gate)
        {
            _setbacksInARow++;
            LastError = reason;
            var wait = TimeSpan.FromTicks((long)Math.Min(_retryBase.Ticks * Math.Pow(2, Math.Min(_setbacksInARow - 1, 20)), _retryMax.Ticks));
            NextTryUtc = now + wait;
            if (unreachable) UnreachableSinceUtc ??= now;
            else UnreachableSinceUtc = null;
            StateChanged();
        }
    }

    public void Failed(string reason)
    {
        Interlocked.Increment(ref _failed);
        lock (_gate)
        {
            LastError = reason;
            StateChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _idle.OfType<IAsyncDisposable>()) await connection.DisposeAsync();
        _perSecond?.Dispose();
        _connections?.Dispose();
    }
}

/// <summary>What the admin and <c>campaigns send</c> show of a relay: counts over all processes (<see cref="RelayFigure"/>) and its last state.</summary>
public sealed record RelayStatus(string Name, long Sent, long Deferred, long Failed, string? LastError, DateTime? NextTryUtc, DateTime? UnreachableSinceUtc);

/// <summary>A relay's state as one process saw it at <paramref name="AtUtc"/>.</summary>
public sealed record RelayState(string? LastError, DateTime? NextTryUtc, DateTime? UnreachableSinceUtc, DateTime AtUtc);

/// <summary>Counts one process has not yet written, and its state when that changed since its last write.</summary>
public sealed record RelayChanges(string Relay, long Sent, long Deferred, long Failed, RelayState? State, long StateVersion)
{
    public bool None => Sent == 0 && Deferred == 0 && Failed == 0 && State is null;
}
