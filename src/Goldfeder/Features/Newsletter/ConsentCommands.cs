using Goldfeder.Common;

namespace Goldfeder.Features.Newsletter;

/// <summary><c>consent proof|export|erase ADDRESS</c>: the data-protection officer's page, for the command line.</summary>
public static class ConsentCommands
{
    public const string Usage = "       Goldfeder consent proof|export|erase ADDRESS";

    public static async Task<int> RunAsync(IServiceProvider services, string verb, string address, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<ConsentLedger>();
        switch (verb)
        {
            case "proof":
                return Print(output, await ledger.ProofAsync(address, ct), address);
            case "export":
                return Print(output, await ledger.ExportAsync(address, ct), address);
            case "erase":
                if (!await ledger.EraseAsync(address, "operator command", ct)) return NotFound(address);
                await output.WriteLineAsync($"erased: {address}");
                return 0;
            default:
                return CommandOutput.Fail(Usage, 2);
        }
    }

    private static int Print<T>(TextWriter output, T? value, string address)
    {
        if (value is null) return NotFound(address);
        CommandOutput.PrintJson(output, value);
        return 0;
    }

    private static int NotFound(string address) => CommandOutput.Fail($"nothing stored about the address {address}", 1);
}
