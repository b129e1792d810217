namespace Goldfeder.Features.Staff;

/// <summary><c>admin create --email ADDRESS --role ROLE [--generate-password]</c>: the first account, before anyone can log in.</summary>
public static class AdminCommands
{
    public const string Usage = "       Goldfeder admin create --email ADDRESS --role ROLE [--generate-password]   (password from standard input)";

    /// <summary>The password comes from standard input (never an argument: it would sit in the shell history), or is generated and printed once.</summary>
    public static async Task<int> CreateAsync(IServiceProvider services, string email, string role, bool generate, TextWriter output, CancellationToken ct)
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
}
