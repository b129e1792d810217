using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// Debian's Dovecot (GOLDFEDER_DOVECOT, else /usr/sbin/dovecot; tests/run.sh installs dovecot-imapd) as an IMAP server
/// of its own: a private config in a temp folder, a free loopback port, plain-text login allowed (loopback only), one
/// passwd-file user, Maildir under the temp folder. As root it runs its processes as Debian's dovecot/dovenull users,
/// otherwise all as the current user.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string User = "bounces";
    public const string Password = "dovecot-test-password";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gf-dovecot-");
    private Process? _process;

    public int Port { get; } = Loopback.FreePort();
    private string Config => Path.Combine(_folder.FullName, "dovecot.conf");

    /// <summary>The settings that point the site's bounce poller at this mailbox.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Bounces:Imap:Host"] = "127.0.0.1",
        ["Bounces:Imap:Port"] = Port.ToString(),
        ["Bounces:Imap:Security"] = "None",
        ["Bounces:Imap:User"] = User,
        ["Bounces:Imap:Password"] = Password,
    };

    public async Task StartAsync()
    {
        var root = Environment.UserName == "root";
        var me = Environment.UserName;
        _folder.UnixFileMode = (UnixFileMode)0b111_111_111; // Dovecot's own users write here when run as root
        var f = _folder.FullName;
        await File.WriteAllTextAsync(Path.Combine(f, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Config, $$"""
            base_dir = {{f}}/run
            state_dir = {{f}}/state
            log_path = {{f}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            first_valid_gid = 1
            mail_location = maildir:{{f}}/mail/%u
            default_internal_user = {{(root ? "dovecot" : me)}}
            default_internal_group = {{(root ? "dovecot" : me)}}
            default_login_user = {{(root ? "dovenull" : me)}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{f}}/passwd
            }
            userdb {
              driver = static
              args = uid={{(root ? "dovecot" : me)}} gid={{(root ? "dovecot" : me)}} home={{f}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        var binary = Environment.GetEnvironmentVariable("GOLDFEDER_DOVECOT") ?? "/usr/sbin/dovecot";
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-F", "-c", Config }) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited) Assert.Fail($"dovecot stopped at once (exit {_process.ExitCode}): {Log()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException) { return false; }
        }, TimeSpan.FromSeconds(20), "dovecot did not listen");
    }

    public string Log() => File.Exists(Path.Combine(_folder.FullName, "dovecot.log")) ? File.ReadAllText(Path.Combine(_folder.FullName, "dovecot.log")) : "";

    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    /// <summary>Puts messages into the inbox as a mail server would deliver them.</summary>
    public async Task AppendAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        foreach (var m in messages) await client.Inbox.AppendAsync(m);
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs in each folder ("INBOX", "Goldfeder/Verarbeitet", …), read over IMAP.</summary>
    public async Task<List<string>> MessageIdsAsync(string folder)
    {
        using var client = await ConnectAsync();
        var ns = client.PersonalNamespaces[0];
        IMailFolder box;
        try { box = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder.Replace('/', ns.DirectorySeparator)); }
        catch (FolderNotFoundException) { return []; }
        await box.OpenAsync(FolderAccess.ReadOnly);
        var ids = box.Count == 0 ? [] : (await box.FetchAsync(0, -1, MessageSummaryItems.Envelope)).Select(s => s.Envelope!.MessageId ?? "").ToList();
        await client.DisconnectAsync(true);
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var stop = Process.Start("/usr/sbin/dovecot", ["-c", Config, "stop"])) await stop!.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process?.Dispose();
        try { _folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
