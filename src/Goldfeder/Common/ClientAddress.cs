using System.Net;

namespace Goldfeder.Common;

/// <summary>The client as the per-IP limits count it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64, because one subscriber line usually gets a whole /64 and
    /// could otherwise rotate through 2^64 addresses to escape every limit.
    /// </summary>
    public static string LimitKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
