using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Goldfeder.Features.Site;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges) only.
/// ASP.NET Core's default trusts every loopback address; that default is cleared, so a site without a proxy (or a client
/// on the proxy's machine that talks to Kestrel directly) cannot be told another client address.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Parse(config, "ForwardedHeaders:KnownProxies", s => IPAddress.TryParse(s, out var a) ? a : null);
        var networks = Parse(config, "ForwardedHeaders:KnownNetworks", s => System.Net.IPNetwork.TryParse(s, out var n) ? n : (System.Net.IPNetwork?)null);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Empty lists would make the middleware trust everybody: with no proxy named, no header is read at all.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network!.Value);
            // One proxy in front: only the address it saw is taken, whatever a client wrote into the header before it.
            o.ForwardLimit = 1;
        });
        return services;
    }

    private static List<T> Parse<T>(IConfiguration config, string key, Func<string, T?> parse)
    {
        var values = config.GetSection(key).Get<string[]>() ?? [];
        // A single value may also come as one comma-separated string (e.g. from an environment variable).
        if (values.Length == 0 && config[key] is { Length: > 0 } single) values = single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = new List<T>();
        foreach (var value in values)
            parsed.Add(parse(value) ?? throw new InvalidOperationException($"{key}: '{value}' is not a valid {(typeof(T) == typeof(IPAddress) ? "IP address" : "CIDR range such as 10.0.0.0/8")}."));
        return parsed;
    }
}
