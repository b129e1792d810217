using System.Net;
using System.Net.Sockets;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>Loopback ports and clients that come from a chosen loopback address, as another machine's would.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client of 127.0.0.1:<paramref name="port"/> whose connections leave from <paramref name="from"/>; any certificate is accepted.</summary>
    public static HttpClient ClientFrom(string from, int port, string scheme = "http") => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri($"{scheme}://127.0.0.1:{port}") };
}
