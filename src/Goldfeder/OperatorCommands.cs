using Goldfeder.Data;
using Goldfeder.Features.Articles.Images;
using Goldfeder.Features.Articles.WordpressImport;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Newsletter;
using Goldfeder.Features.Search;
using Goldfeder.Features.Staff;

namespace Goldfeder;

/// <summary>
/// The operator commands' table of contents, run on the same services as the site but without a web server:
/// <c>dotnet Goldfeder.dll GROUP VERB …</c>. Each command lives with its feature.
/// </summary>
public static class OperatorCommands
{
    /// <summary>Every command group and its usage lines; the usage lives with the command.</summary>
    private static readonly (string Group, string Usage)[] Groups =
    [
        ("consent", ConsentCommands.Usage),
        ("admin", AdminCommands.Usage),
        ("subscribers", CampaignCommands.Usage),
        ("campaigns", CampaignCommands.Usage),
        ("import", WordpressImportCommand.Usage),
        ("search", SearchCommands.Usage),
        ("images", ImageCommands.Usage),
        ("backup", SqliteBackup.Usage),
        ("restore", SqliteBackup.Usage),
    ];

    private static readonly string[] HelpWords = ["--help", "-h", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Groups.Any(g => g.Group == args[0]);

    /// <summary><c>Goldfeder --help</c> or <c>Goldfeder GROUP --help</c>: answered before the host is built, so asking for help touches no database.</summary>
    public static bool IsHelp(string[] args) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || (IsCommand(args) && args.Skip(1).Any(HelpWords.Contains)));

    public static void PrintHelp(string[] args, TextWriter output)
    {
        var group = Groups.Where(g => g.Group == args[0]).Select(g => g.Usage).FirstOrDefault();
        output.WriteLine("usage:");
        if (group is not null)
        {
            output.WriteLine(group.TrimEnd());
            return;
        }
        output.WriteLine("       Goldfeder                (runs the site; settings from appsettings.json and the environment)");
        foreach (var usage in Groups.Select(g => g.Usage).Distinct()) output.WriteLine(usage.TrimEnd());
    }

    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        // stdout carries the command's answer (JSON); everything the host says goes to stderr.
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    /// <summary>Runs the command with Ctrl+C wired to stop a long one (a campaign send) between messages.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        return await RunAsync(services, args, Console.Out, stop.Token);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        switch (args)
        {
            case ["consent", var verb, var address]:
                return await ConsentCommands.RunAsync(services, verb, address, output, ct);
            case ["admin", "create", "--email", var email, "--role", var role, .. var rest]:
                return await AdminCommands.CreateAsync(services, email, role, generate: rest is ["--generate-password"], output, ct);
            case ["subscribers", "import", var file]:
                return await CampaignCommands.ImportAsync(services, file, output, ct);
            case ["campaigns", "create", .. var options]:
                return await CampaignCommands.CreateAsync(services, options, output, ct);
            case ["campaigns", "send", var id] when int.TryParse(id, out var campaignId):
                return await CampaignCommands.SendAsync(services, campaignId, output, ct);
            case ["campaigns", "relay", var id, var relay] when int.TryParse(id, out var campaignId):
                return await CampaignCommands.RelayAsync(services, campaignId, relay, output, ct);
            case ["campaigns", "status", var id] when int.TryParse(id, out var campaignId):
                return await CampaignCommands.StatusAsync(services, campaignId, output, ct);
            case ["backup", var file]:
                return await SqliteBackup.BackupAsync(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), file, output);
            case ["restore", var file]:
                return await SqliteBackup.RestoreAsync(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), file, output);
            case ["import", "wordpress", var file]:
                return await WordpressImportCommand.RunAsync(services, file, output, ct);
            case ["search", "rebuild"]:
                return await SearchCommands.RebuildAsync(services, output, ct);
            case ["images", "crops"]:
                return await ImageCommands.CropsAsync(services, output, ct);
            default:
                PrintHelp(args, Console.Error);
                return 2;
        }
    }
}
