using System.Diagnostics;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// Waits for a condition that another thread or process brings about: polls it until it holds or the deadline passes,
/// then fails with a message that says what did not happen. The only way the tests wait; none waits without a deadline.
/// </summary>
public static class Eventually
{
    /// <summary>The deadline for things that take a moment (a mail through the outbox, a background pass).</summary>
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string whatDidNotHappen) =>
        TrueAsync(() => Task.FromResult(condition()), within, whatDidNotHappen);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string whatDidNotHappen) =>
        await ValueAsync(condition, ok => ok, within, _ => whatDidNotHappen);

    /// <summary>Reads a value until it satisfies <paramref name="until"/>; returns it, or fails with the message built from the last value read.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan within, Func<T, string> whatDidNotHappen)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var value = await read();
            if (until(value)) return value;
            if (clock.Elapsed > within)
                throw new TimeoutException($"{whatDidNotHappen(value)} (waited {within.TotalSeconds:0.#} s)");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(100, pause.TotalMilliseconds * 2));
        }
    }

    public static Task<T> ValueAsync<T>(Func<T> read, Func<T, bool> until, TimeSpan within, Func<T, string> whatDidNotHappen) =>
        ValueAsync(() => Task.FromResult(read()), until, within, whatDidNotHappen);

    /// <summary>A task that must end within the deadline (a process, a server stopping).</summary>
    public static async Task WithinAsync(Task task, TimeSpan within, string whatDidNotHappen)
    {
        try
        {
            await task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{whatDidNotHappen} (waited {within.TotalSeconds:0.#} s)");
        }
    }
}
