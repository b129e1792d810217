using Goldfeder.Common;

namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary><c>import wordpress FILE.xml</c>. A refused file names its line and reason on stderr and exits 1; nothing of it is imported.</summary>
public static class WordpressImportCommand
{
    public const string Usage = "       Goldfeder import wordpress FILE.xml   (a WordPress export, Tools → Export)";

    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken ct)
    {
        if (!File.Exists(file)) return CommandOutput.Fail($"no such file: {file}", 2);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await using var stream = File.OpenRead(file);
            var summary = await scope.ServiceProvider.GetRequiredService<WordpressImporter>().ImportAsync(stream, "operator command", ct);
            if (summary.Imported > 0)
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("operator command", "wordpress.import", Path.GetFileName(file), after: summary.ToString(), ct: ct);
            await output.WriteLineAsync(summary.ToString());
            return 0;
        }
        catch (WxrFormatException e)
        {
            await output.FlushAsync(ct);
            return CommandOutput.Fail($"{file}: {e.Message}; nothing was imported", 1);
        }
    }
}
