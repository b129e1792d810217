using System.Diagnostics;
using Goldfeder.Common;
using Goldfeder.Data;

namespace Goldfeder.Features.Search;

/// <summary><c>search rebuild</c>: indexes every article again (after a change to the stemming, or to time it).</summary>
public static class SearchCommands
{
    public const string Usage = "       Goldfeder search rebuild   (indexes every article again; prints the count and seconds as JSON)";

    public static async Task<int> RebuildAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var clock = Stopwatch.StartNew();
        var indexed = await SearchIndexer.RebuildAsync(scope.ServiceProvider.GetRequiredService<GoldfederDb>(), ct);
        CommandOutput.PrintJson(output, new { indexed, seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) });
        return 0;
    }
}
