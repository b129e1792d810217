using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package). It keeps what it accepts and can be told to
/// answer 4xx for a while, or 5xx for some recipients, the way real servers do.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>How many more messages to refuse with <see cref="TemporaryFailureCode"/> before accepting again.</summary>
    public int TemporaryFailuresLeft;

    /// <summary>451 ("try again later", a relay's way to slow a sender down), 421, or 450 (this mailbox is busy).</summary>
    public int TemporaryFailureCode = 451;

    /// <summary>The SMTP sessions that delivered at least one message.</summary>
    public ConcurrentDictionary<Guid, bool> Sessions { get; } = new();

    /// <summary>Each received message's envelope sender (MAIL FROM), by its Message-ID.</summary>
    public ConcurrentDictionary<string, string> MailFrom { get; } = new();

    /// <summary>Recipients answered 452 4.2.2 (mailbox full).</summary>
    public ConcurrentDictionary<string, bool> MailboxFull { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients refused with 550.</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TestSmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListeners());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public static int FreePort() => Loopback.FreePort();

    public Dictionary<string, string?> Settings() => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:TimeoutSeconds"] = "5",
        ["Mail:Outbox:PollInterval"] = "00:00:00.200",
        ["Mail:Outbox:RetryBase"] = "00:00:00.200",
        ["Mail:Outbox:RetryMax"] = "00:00:01",
    };

    public List<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.GetAddress(true), address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> messages to the address have arrived (at most <see cref="Eventually.Soon"/>).</summary>
    public Task<List<MimeMessage>> WaitForAsync(string address, int count = 1) =>
        Eventually.ValueAsync(() => To(address), mails => mails.Count >= count, Eventually.Soon,
            mails => $"{count} mail(s) to {address} did not arrive; got {mails.Count}");

    /// <summary>Waits until at least <paramref name="count"/> messages with the subject have arrived (at most <see cref="Eventually.Soon"/>).</summary>
    public Task<List<MimeMessage>> WaitForSubjectAsync(string subject, int count) =>
        Eventually.ValueAsync(() => Received.Where(m => m.Subject == subject).ToList(), mails => mails.Count >= count, Eventually.Soon,
            mails => $"{count} mail(s) with the subject \"{subject}\" did not arrive; got {mails.Count}");

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _server.Shutdown();
        try { await Eventually.WithinAsync(_running, TimeSpan.FromSeconds(10), "the test SMTP server did not stop"); }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref owner.TemporaryFailuresLeft) >= 0)
                return new SmtpResponse((SmtpReplyCode)owner.TemporaryFailureCode, owner.TemporaryFailureCode == 450 ? "4.2.1 mailbox busy" : "4.3.0 try again later");
            if (transaction.To.Any(to => owner.Refused.ContainsKey($"{to.User}@{to.Host}")))
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such user");
            if (transaction.To.Any(to => owner.MailboxFull.ContainsKey($"{to.User}@{to.Host}")))
                return new SmtpResponse((SmtpReplyCode)452, "4.2.2 mailbox full");

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.MailFrom[message.MessageId ?? ""] = $"{transaction.From.User}@{transaction.From.Host}";
            owner.Received.Enqueue(message);
            owner.Sessions.TryAdd(context.SessionId, true);
            return SmtpResponse.Ok;
        }
    }

    /// <summary>
    /// Accepts connections with Nagle's algorithm off, as real mail servers do. The package's own listener leaves it on,
    /// so each small reply waits for the client's delayed ACK: about 50 ms per message, 40 times slower than this.
    /// Plain connections only (the tests use Mail:Smtp:Security None).
    /// </summary>
    private sealed class NoDelayListeners : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var listener = new TcpListener(endpoint.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : IEndpointListener
        {
            public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var socket = await listener.AcceptSocketAsync(cancellationToken);
                socket.NoDelay = true;
                context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
                context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
                return new PlainPipe(new NetworkStream(socket, ownsSocket: true));
            }

            public void Dispose() => listener.Stop();
        }

        private sealed class PlainPipe(NetworkStream stream) : ISecurableDuplexPipe
        {
            public PipeReader Input { get; } = PipeReader.Create(stream);
            public PipeWriter Output { get; } = PipeWriter.Create(stream);
            public bool IsSecure => false;
            public SslProtocols SslProtocol => SslProtocols.None;

            public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
                throw new NotSupportedException("the test SMTP server speaks plain SMTP only");

            public void Dispose() => stream.Dispose();
        }
    }
}
