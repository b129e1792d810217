using System.Net.Sockets;
using MailKit;
using MailKit.Security;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Mail;

/// <summary>
/// SMTP through MailKit. One connection is kept open and reused; a broken one is replaced on the next send. Tells apart
/// what the caller acts on differently: 5xx (<see cref="MailRejectedException"/>), a relay's "slow down" (421, 451, 454:
/// <see cref="MailDeferredException"/>), a relay that cannot be reached (<see cref="RelayUnreachableException"/>).
/// </summary>
public sealed class SmtpMailTransport(MailOptions.SmtpOptions smtp) : IMailTransport, IAsyncDisposable
{
    private readonly MailOptions.SmtpOptions _smtp = smtp;

    public SmtpMailTransport(IOptions<MailOptions> options) : this(options.Value.EffectiveRelays().FirstOrDefault() ?? options.Value.Smtp) { }
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public Task SendAsync(MimeMessage message, CancellationToken ct) => SendAsync(message, null, ct);

    public async Task SendAsync(MimeMessage message, MailboxAddress? envelopeFrom, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var client = await ConnectedClientAsync(ct);
            try
            {
                if (envelopeFrom is null) await client.SendAsync(message, ct);
                else await client.SendAsync(message, envelopeFrom, message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes), ct);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                await ResetAsync(client);
                throw new MailRejectedException($"{(int)e.StatusCode} {e.Message}", e);
            }
            catch (SmtpCommandException e) when (MailDeferredException.IsSlowDown((int)e.StatusCode))
            {
                await DropAsync();
                throw new MailDeferredException($"{(int)e.StatusCode} {e.Message}", e);
            }
            catch
            {
                // 4xx, a dropped connection or a timeout: start afresh next time.
                await DropAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        await DropAsync();
        var client = new SmtpClient { Timeout = _smtp.TimeoutSeconds * 1000 };
        // Without NoDelay, Nagle's algorithm holds a message's last segment until the previous one is acknowledged, and
        // delayed ACKs make that up to 40 ms per message: measured, messages over a few KB went 4x slower.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_smtp.Host!, _smtp.Port, ct);
            await client.ConnectAsync(socket, _smtp.Host!, _smtp.Port, _smtp.Security, ct);
            if (!string.IsNullOrEmpty(_smtp.UserName))
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", ct);
        }
        catch (Exception e)
        {
            socket.Dispose();
            client.Dispose();
            if (e is SmtpCommandException { StatusCode: var code } && MailDeferredException.IsSlowDown((int)code))
                throw new MailDeferredException($"{(int)code} {e.Message}", e); // "421 too many connections" in the greeting
            if (e is SocketException or TimeoutException or IOException or SmtpProtocolException or SmtpCommandException or AuthenticationException)
                throw new RelayUnreachableException($"{_smtp.Host}:{_smtp.Port}: {e.Message}", e);
            throw;
        }
        return _client = client;
    }

    /// <summary>After a refusal the session is still good, but the transaction state must be cleared.</summary>
    private async Task ResetAsync(SmtpClient client)
    {
        try { await client.NoOpAsync(); }
        catch (Exception e) when (e is ServiceNotConnectedException or IOException or SmtpProtocolException or SmtpCommandException) { await DropAsync(); }
    }

    private async Task DropAsync()
    {
        if (_client is null) return;
        try { if (_client.IsConnected) await _client.DisconnectAsync(true); }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException or OperationCanceledException) { }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }
}
