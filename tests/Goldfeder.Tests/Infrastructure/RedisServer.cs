using System.Diagnostics;
using System.Net.Sockets;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// Debian's redis-server (GOLDFEDER_REDIS, else /usr/bin/redis-server; tests/run.sh installs it) on a free loopback
/// port of its own, nothing saved to disk. It can be stopped and started again on the same port mid-test.
/// </summary>
public sealed class RedisServer(string folder) : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = Loopback.FreePort();

    /// <summary>The value for ConnectionStrings:Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("GOLDFEDER_REDIS") ?? "/usr/bin/redis-server";
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var a in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "no" })
            start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited) Assert.Fail($"redis-server stopped at once (exit {_process.ExitCode})");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException) { return false; }
        }, TimeSpan.FromSeconds(20), "redis-server did not listen");
    }

    /// <summary>Ends the server at once (SIGKILL), as a crash would.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
