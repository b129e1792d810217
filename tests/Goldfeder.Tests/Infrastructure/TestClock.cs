using Microsoft.Extensions.Time.Testing;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers call back on the thread pool, as real timers do. FakeTimeProvider calls
/// them inline, inside <see cref="FakeTimeProvider.Advance"/>, so a background job whose pass happens to complete
/// synchronously (SQLite's async calls do) would run once for every interval skipped: a month of the publisher's
/// 30-second timer made 86,400 passes before Advance returned. Here a jump lets each job wake and run its passes beside
/// the test, and ticks that arrive while a pass runs collapse into one, as they do for a real PeriodicTimer.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(s => ThreadPool.UnsafeQueueUserWorkItem(callback.Invoke, s, preferLocal: false), state, dueTime, period);
}
