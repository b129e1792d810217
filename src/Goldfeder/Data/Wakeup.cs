namespace Goldfeder.Data;

/// <summary>
/// Wakes a background worker that otherwise polls: whoever commits work for it calls <see cref="Wake"/>, and the worker
/// starts at once instead of at its next poll. Wakes while it is busy collapse into one.
/// </summary>
public abstract class Wakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
