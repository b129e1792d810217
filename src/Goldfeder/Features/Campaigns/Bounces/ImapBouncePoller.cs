using Goldfeder.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// Reads the bounce mailbox over IMAP (MailKit's <see cref="ImapClient"/>, <c>Bounces:Imap:*</c>) every
/// <see cref="BounceOptions.ImapOptions.PollInterval"/>, on one instance at a time (lease <c>campaigns.bounce-mailbox</c>). Each
/// message is recorded (<see cref="BounceRecorder"/>, once per Message-ID) and then moved: to the processed folder when
/// it named a delivery, else to the unmatched folder. Nothing is deleted; a crash between recording and moving only
/// moves the message at the next poll.
/// </summary>
public sealed class ImapBouncePoller(IServiceScopeFactory scopes, IOptions<BounceOptions> options, TimeProvider clock, ILogger<ImapBouncePoller> log) : BackgroundService
{
    public const string Source = "imap";
    private const string LeaseName = "campaigns.bounce-mailbox";
    private readonly BounceOptions.ImapOptions _imap = options.Value.Imap;

    // The lease keeps other instances out; this keeps a second pass of this process (an operator's, a test's) out.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public sealed record PollResult(int Processed, int Unmatched);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        string.IsNullOrWhiteSpace(_imap.Host)
            ? Task.CompletedTask
            : Periodic.RunAsync(_imap.PollInterval, clock, log, "Reading the bounce mailbox", PollOnceAsync, stoppingToken);

    /// <summary>One pass over the mailbox; null when another instance holds the lease.</summary>
    public async Task<PollResult?> PollOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await PollLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PollResult?> PollLockedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GoldfederDb>();
        if (!await db.TryTakeLeaseAsync(LeaseName, _imap.PollInterval + TimeSpan.FromMinutes(5), clock, ct)) return null;
        var recorder = services.GetRequiredService<BounceRecorder>();
        var tokens = services.GetRequiredService<DeliveryToken>();

        using var client = new ImapClient();
        await client.ConnectAsync(_imap.Host!, _imap.Port, Enum.Parse<SecureSocketOptions>(_imap.Security, ignoreCase: true), ct);
        await client.AuthenticateAsync(_imap.User ?? "", _imap.Password ?? "", ct);
        var processedFolder = await FolderAsync(client, _imap.ProcessedFolder, ct);
        var unmatchedFolder = await FolderAsync(client, _imap.UnmatchedFolder, ct);
        var inbox = _imap.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await FolderAsync(client, _imap.Folder, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);

        int processed = 0, unmatched = 0;
        foreach (var uid in (await inbox.SearchAsync(SearchQuery.All, ct)).Take(_imap.BatchSize))
        {
            var (report, deliveryIds) = await ReadAsync(inbox, uid, tokens, ct);
            var outcome = await recorder.RecordAsync(
                new BounceRecorder.Observation(Source, report.ExternalId, report.Kind, report.Detail, deliveryIds.Count > 0 ? deliveryIds[0] : null), ct);
            var matched = report.Kind != BounceKind.Unreadable && deliveryIds.Count > 0 && outcome != BounceRecorder.Outcome.Unmatched;
            await inbox.MoveToAsync(uid, matched ? processedFolder : unmatchedFolder, ct);
            if (matched) processed++; else unmatched++;
        }
        await client.DisconnectAsync(true, ct);
        if (processed + unmatched > 0) log.LogInformation("Bounce mailbox: {Processed} reports processed, {Unmatched} moved aside unmatched", processed, unmatched);
        return new PollResult(processed, unmatched);
    }

    private static async Task<(BounceReport Report, List<long> DeliveryIds)> ReadAsync(IMailFolder inbox, UniqueId uid, DeliveryToken tokens, CancellationToken ct)
    {
        using var raw = new MemoryStream();
        using (var stream = await inbox.GetStreamAsync(uid, ct)) await stream.CopyToAsync(raw, ct);
        var bytes = raw.ToArray();
        BounceReport report;
        try
        {
            raw.Position = 0;
            report = BounceReport.Read(await MimeMessage.LoadAsync(raw, ct), bytes);
        }
        catch (FormatException)
        {
            // MimeKit's ParseException: not a message at all.
            report = BounceReport.NotAMessage(bytes);
        }
        return (report, await tokens.FindAsync(report.Clues, ct));
    }

    /// <summary>The folder of a path written with '/', created when missing, whatever separator the server uses.</summary>
    private static async Task<IMailFolder> FolderAsync(ImapClient client, string path, CancellationToken ct)
    {
        var ns = client.PersonalNamespaces[0];
        try
        {
            return await client.GetFolderAsync(path.Replace('/', ns.DirectorySeparator), ct);
        }
        catch (FolderNotFoundException) { }
        var folder = client.GetFolder(ns);
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var children = await folder!.GetSubfoldersAsync(false, ct);
            folder = children.FirstOrDefault(f => f.Name == name) ?? await folder.CreateAsync(name, true, ct);
        }
        return folder ?? throw new InvalidOperationException($"IMAP folder {path} could not be made");
    }
}
