using System.Diagnostics;
using System.Net.Sockets;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// Debian's Postfix as a private MTA (tests/run.sh installs postfix): its own configuration directory, queue and log in a
/// temp folder, SMTP on a free loopback port, everything relayed to <c>relayPort</c>. A message it cannot deliver
/// comes back as Postfix's own DSN to the envelope sender, through the same relay; with
/// <c>maximal_queue_lifetime = 0</c> a temporary failure bounces at once instead of after days. Postfix's master
/// must be started by root: the fixture uses <c>sudo -n</c> when the tests do not run as root.
/// </summary>
public sealed class PostfixServer(int relayPort) : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gf-postfix-");
    private bool _started;

    public int Port { get; } = Loopback.FreePort();
    public string Log() => File.Exists(Path.Combine(_folder.FullName, "maillog")) ? File.ReadAllText(Path.Combine(_folder.FullName, "maillog")) : "";

    public async Task StartAsync()
    {
        var f = _folder.FullName;
        _folder.UnixFileMode = (UnixFileMode)0b111_101_101;
        Directory.CreateDirectory(Path.Combine(f, "queue"));
        Directory.CreateDirectory(Path.Combine(f, "data"));
        await File.WriteAllTextAsync(Path.Combine(f, "main.cf"), $"""
            queue_directory = {f}/queue
            data_directory = {f}/data
            command_directory = /usr/sbin
            daemon_directory = /usr/lib/postfix/sbin
            meta_directory = /etc/postfix
            shlib_directory = /usr/lib/postfix
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = mx.goldfeder.test
            mydomain = goldfeder.test
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mydestination =
            relay_domains =
            mynetworks = 127.0.0.0/8
            relayhost = [127.0.0.1]:{relayPort}
            smtp_tls_security_level = none
            smtpd_tls_security_level = none
            maillog_file = {f}/maillog
            maillog_file_prefixes = {f}
            compatibility_level = 3.6
            maximal_queue_lifetime = 0
            bounce_queue_lifetime = 0
            queue_run_delay = 1s
            minimal_backoff_time = 1s
            maximal_backoff_time = 2s
            alias_maps =
            alias_database =
            local_recipient_maps =
            smtputf8_enable = no
            """);
        // Debian's master.cf without chroot (a chroot would need a copy of /etc in the queue).
        await File.WriteAllTextAsync(Path.Combine(f, "master.cf"), $"""
            127.0.0.1:{Port} inet n - n - - smtpd
            pickup    unix  n - n 60 1 pickup
            cleanup   unix  n - n - 0 cleanup
            qmgr      unix  n - n 300 1 qmgr
            rewrite   unix  - - n - - trivial-rewrite
            bounce    unix  - - n - 0 bounce
            defer     unix  - - n - 0 bounce
            trace     unix  - - n - 0 bounce
            verify    unix  - - n - 1 verify
            flush     unix  n - n 1000? 0 flush
            proxymap  unix  - - n - - proxymap
            proxywrite unix - - n - 1 proxymap
            smtp      unix  - - n - - smtp
            relay     unix  - - n - - smtp
            showq     unix  n - n - - showq
            error     unix  - - n - - error
            retry     unix  - - n - - error
            discard   unix  - - n - - discard
            anvil     unix  - - n - 1 anvil
            scache    unix  - - n - 1 scache
            postlog   unix-dgram n - n - 1 postlogd
            """);
        await RunAsync("chown", "postfix", Path.Combine(f, "data"));
        await RunAsync("/usr/sbin/postfix", "-c", f, "start");
        _started = true;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException) { return false; }
        }, TimeSpan.FromSeconds(20), "postfix did not listen: " + Log());
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? program : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!root) { start.ArgumentList.Add("-n"); start.ArgumentList.Add(program); }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0) Assert.Fail($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_started) await RunAsync("/usr/sbin/postfix", "-c", _folder.FullName, "stop");
        try { _folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
