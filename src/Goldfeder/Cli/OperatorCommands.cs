using System.Text.Encodings.Web;
using System.Text.Json;
using Goldfeder.Features.Admin;
using Goldfeder.Features.Articles.WordpressImport;
using Goldfeder.Features.Newsletter;

namespace Goldfeder.Cli;

/// <summary>
/// Operator commands, run on the same services as the site but without a web server:
/// <c>dotnet Goldfeder.dll consent proof|export|erase ADDRESS</c>, <c>admin create …</c>, <c>import wordpress FILE.xml</c>.
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] Groups = ["consent", "admin", "subscribers", "campaigns", "import"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Groups.Contains(args[0]);

    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        // stdout carries the command's answer (JSON); everything the host says goes to stderr.
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<ConsentLedger>();
        switch (args)
        {
            case ["consent", "proof", var address]:
                return Print(output, await ledger.ProofAsync(address, ct), address);
            case ["consent", "export", var address]:
                return Print(output, await ledger.ExportAsync(address, ct), address);
            case ["consent", "erase", var address]:
                if (!await ledger.EraseAsync(address, "operator command", ct)) return NotFound(address);
                await output.WriteLineAsync($"erased: {address}");
                return 0;
            case ["admin", "create", "--email", var email, "--role", var role, .. var rest]:
                return await CreateAdminAsync(services, email, role, generate: rest is ["--generate-password"], output, ct);
            case ["subscribers", "import", var file]:
                return await CampaignCommands.ImportAsync(services, file, output, ct);
            case ["campaigns", "create", .. var options]:
                return await CampaignCommands.CreateAsync(services, options, output, ct);
            case ["campaigns", "send", var id] when int.TryParse(id, out var campaignId):
                return await CampaignCommands.SendAsync(services, campaignId, output, ct);
            case ["campaigns", "status", var id] when int.TryParse(id, out var campaignId):
                return await CampaignCommands.StatusAsync(services, campaignId, output, ct);
            case ["import", "wordpress", var file]:
                return await ImportWordpressAsync(scope.ServiceProvider, file, output, ct);
            default:
                await Console.Error.WriteLineAsync("usage: Goldfeder consent proof|export|erase ADDRESS");
                await Console.Error.WriteLineAsync("       Goldfeder admin create --email ADDRESS --role ROLE [--generate-password]   (password from standard input)");
                await Console.Error.WriteLineAsync(CampaignCommands.Usage);
                await Console.Error.WriteLineAsync("       Goldfeder import wordpress FILE.xml   (a WordPress export, Tools → Export)");
                return 2;
        }
    }

    /// <summary>The password comes from standard input (never an argument: it would sit in the shell history), or is generated and printed once.</summary>
    private static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string role, bool generate, TextWriter output, CancellationToken ct)
    {
        var password = generate ? AdminAccounts.GeneratePassword() : (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("no password on standard input (or pass --generate-password)");
            return 2;
        }
        var errors = await AdminAccounts.CreateAsync(services, email, role, password);
        if (errors.Count > 0)
        {
            foreach (var e in errors) await Console.Error.WriteLineAsync(e);
            return 1;
        }
        await output.WriteLineAsync($"created: {email} ({role})");
        if (generate) await output.WriteLineAsync($"password: {password}");
        return 0;
    }

    /// <summary>A refused file names its line and reason on stderr and exits 1; nothing of it is imported.</summary>
    private static async Task<int> ImportWordpressAsync(IServiceProvider services, string file, TextWriter output, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"no such file: {file}");
            return 2;
        }
        try
        {
            await using var stream = File.OpenRead(file);
            var summary = await services.GetRequiredService<WordpressImporter>().ImportAsync(stream, "operator command", ct);
            if (summary.Imported > 0)
                await services.GetRequiredService<AuditLog>().RecordAsync("operator command", "wordpress.import", Path.GetFileName(file), after: summary.ToString(), ct: ct);
            await output.WriteLineAsync(summary.ToString());
            return 0;
        }
        catch (WxrFormatException e)
        {
            await Console.Error.WriteLineAsync($"{file}: {e.Message}; nothing was imported");
            await output.FlushAsync(ct);
            return 1;
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static int Print<T>(TextWriter output, T? value, string address)
    {
        if (value is null) return NotFound(address);
        PrintJson(output, value);
        return 0;
    }

    public static void PrintJson<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Json));

    private static int NotFound(string address)
    {
        Console.Error.WriteLine($"no subscriber with the address {address}");
        return 1;
    }
}
