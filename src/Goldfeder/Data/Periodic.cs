namespace Goldfeder.Data;

/// <summary>The loop of a background job that runs once at start and then every interval until shutdown.</summary>
public static class Periodic
{
    /// <summary>A failed run is logged and tried again at the next tick, so one bad moment (a busy or restarting database) never ends the job.</summary>
    /// <remarks>The interval is measured on <paramref name="clock"/>, the site's <see cref="TimeProvider"/>, so tests can move time on.</remarks>
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, ILogger log, string job, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await run(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed; trying again at the next interval", job);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
