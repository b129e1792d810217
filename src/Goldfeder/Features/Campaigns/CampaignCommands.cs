using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns;

/// <summary><c>subscribers import FILE.csv</c> and <c>campaigns create|send|status</c>.</summary>
public static class CampaignCommands
{
    public const string Usage = """
               Goldfeder subscribers import FILE.csv   (columns: address, consent time, source[, topics separated by |])
               Goldfeder campaigns create --subject TEXT --body-file FILE.md [--preheader TEXT] [--digest]   (prints the id)
               Goldfeder campaigns send ID     (starts the send if needed, shows progress, returns when done)
               Goldfeder campaigns relay ID NAME|alle   (the relay of Mail:Relays the campaign goes out over)
               Goldfeder campaigns status ID   (JSON)
        """;

    public static async Task<int> ImportAsync(IServiceProvider services, string file, TextWriter output, CancellationToken ct)
    {
        if (!File.Exists(file)) return Fail($"no such file: {file}", 2);
        await using var scope = services.CreateAsyncScope();
        await using var stream = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<SubscriberImport>().ImportAsync(stream, file, ct);
        if (result.Refused)
        {
            foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
            await Console.Error.WriteLineAsync("import refused: nothing was imported");
            return 1;
        }
        await output.WriteLineAsync($"imported: {result.Imported}, already known: {result.AlreadyKnown}, erased on request: {result.Erased}, duplicates in file: {result.DuplicatesInFile}");
        return 0;
    }

    public static async Task<int> CreateAsync(IServiceProvider services, string[] options, TextWriter output, CancellationToken ct)
    {
        string? Option(string name) => Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length ? options[i + 1] : null;
        var bodyFile = Option("--body-file");
        if (bodyFile is null || !File.Exists(bodyFile)) return Fail("--body-file FILE is required and must exist", 2);
        var draft = new CampaignControl.Draft(Option("--subject"), Option("--preheader"), await File.ReadAllTextAsync(bodyFile, ct), options.Contains("--digest"));
        await using var scope = services.CreateAsyncScope();
        var (campaign, errors) = await scope.ServiceProvider.GetRequiredService<CampaignControl>().CreateAsync(draft, ct);
        if (campaign is null)
        {
            foreach (var (field, message) in errors) await Console.Error.WriteLineAsync($"{field}: {message}");
            return 1;
        }
        await output.WriteLineAsync(campaign.Id.ToString());
        return 0;
    }

    /// <summary>Sends in this process, pass after pass, until nothing is left. Killed and run again, it carries on where the database says.</summary>
    public static async Task<int> SendAsync(IServiceProvider services, int id, TextWriter output, CancellationToken ct)
    {
        var sender = services.GetRequiredService<CampaignSender>();
        var clock = services.GetRequiredService<TimeProvider>();
        string? relay;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
            var progress = await CampaignProgress.OfAsync(db, id, clock, ct);
            if (progress is null) return Fail($"no campaign {id}", 1);
            relay = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Relay).FirstAsync(ct);
            if (progress.Status is nameof(CampaignStatus.Draft) or nameof(CampaignStatus.Scheduled))
            {
                var baseUrl = SiteUrls.BaseUrl(scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value);
                var recipients = await scope.ServiceProvider.GetRequiredService<CampaignControl>().StartAsync(id, baseUrl, ct);
                await Console.Error.WriteLineAsync($"started: {recipients} recipients");
            }
            else if (progress.Status == nameof(CampaignStatus.Paused))
            {
                return Fail($"campaign {id} is paused{(progress.PauseReason is null ? "" : ": " + progress.PauseReason)}; resume it in the admin first", 3);
            }
        }

        var lastLook = DateTime.MinValue;
        string? lastTrouble = null;
        while (true)
        {
            var handled = await sender.PassAsync(ct);
            // Counting a large campaign's deliveries costs a scan: look twice a second, and whenever the sender is idle.
            if (handled > 0 && DateTime.UtcNow - lastLook < TimeSpan.FromMilliseconds(500)) continue;
            lastLook = DateTime.UtcNow;
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
            var progress = (await CampaignProgress.OfAsync(db, id, clock, ct))!;
            Draw(progress);
            // This process has no background writer: it adds its relay figures itself, for the admin of every instance.
            var relays = services.GetRequiredService<RelayPool>();
            await relays.WriteAsync(db, ct);
            // While no relay can be reached, say so (once per try) instead of a bar standing at zero.
            var trouble = await MailServerTrouble.EnglishAsync(relays, db, relay, ct);
            if (trouble is not null && trouble != lastTrouble) await Console.Error.WriteLineAsync("\n" + trouble);
            lastTrouble = trouble;
            if (progress.Done)
            {
                await Console.Error.WriteLineAsync();
                await output.WriteLineAsync($"{progress.Status.ToLowerInvariant()}: {progress.Sent} sent, {progress.Failed} failed, {progress.Bounced} refused, {progress.Skipped} skipped");
                await PrintRelaysAsync(services, output);
                return progress.Failed + progress.Bounced > 0 ? 4 : 0;
            }
            if (progress.Status == nameof(CampaignStatus.Paused))
            {
                await Console.Error.WriteLineAsync();
                await PrintRelaysAsync(services, output);
                return Fail($"campaign {id} paused{(progress.PauseReason is null ? "" : ": " + progress.PauseReason)}", 3);
            }
            if (handled == 0) await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    public static async Task<int> RelayAsync(IServiceProvider services, int id, string relay, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var error = await scope.ServiceProvider.GetRequiredService<CampaignRelayChoice>()
            .SetAsync(id, relay.Equals("alle", StringComparison.OrdinalIgnoreCase) ? null : relay, ct);
        if (error is not null) return Fail(error, 1);
        await output.WriteLineAsync($"campaign {id} goes out over {relay}");
        return 0;
    }

    /// <summary>Per relay, over every sending process: sent, deferred ("slow down" or unreachable), failed, the last error, the next try.</summary>
    private static async Task PrintRelaysAsync(IServiceProvider services, TextWriter to)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var relays = services.GetRequiredService<RelayPool>();
        await relays.WriteAsync(db, CancellationToken.None);
        foreach (var r in await relays.StatusAsync(db, CancellationToken.None))
            await to.WriteLineAsync($"relay {r.Name}: {r.Sent} sent, {r.Deferred} deferred, {r.Failed} failed" +
                (r.LastError is null ? "" : $", last error: {LogText.WithoutAddresses(r.LastError)}") +
                (r.NextTryUtc is { } next ? $", next try {next:u}" : ""));
    }

    public static async Task<int> StatusAsync(IServiceProvider services, int id, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var progress = await CampaignProgress.OfAsync(scope.ServiceProvider.GetRequiredService<GoldfederDb>(), id, services.GetRequiredService<TimeProvider>(), ct);
        if (progress is null) return Fail($"no campaign {id}", 1);
        CommandOutput.PrintJson(output, progress);
        return 0;
    }

    /// <summary>A progress bar on standard error, redrawn in place; standard output keeps only the result.</summary>
    private static void Draw(CampaignProgress p)
    {
        const int width = 30;
        var done = p.Recipients - p.Remaining;
        var filled = p.Recipients == 0 ? width : (int)((long)done * width / p.Recipients);
        var eta = p.SecondsLeft is int s ? $", {TimeSpan.FromSeconds(s):hh\\:mm\\:ss} left" : "";
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{p.Recipients} ({p.Sent} sent, {p.Failed + p.Bounced} failed, {p.PerSecond:0}/s{eta})   ");
    }

    private static int Fail(string message, int code) => CommandOutput.Fail(message, code);
}
