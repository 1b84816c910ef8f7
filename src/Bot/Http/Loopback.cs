using System.Net;

namespace CareerBot.Bot.Http;

/// <summary>
/// Whether an address or a URL is on this machine: what decides where an unauthenticated caller may make
/// the bot post, which metadata and Slack URLs may be plain http, and who is not counted against a
/// per-address limit. One check, so "127.1", "[::1]" and an IPv4 address mapped to IPv6 count alike everywhere.
/// </summary>
internal static class Loopback
{
    /// <summary>Whether <paramref name="address"/> is a loopback address, also when mapped to IPv6 ("::ffff:127.0.0.1").</summary>
    public static bool Is(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>Whether <paramref name="uri"/> names this machine: "localhost" or a loopback address.</summary>
    public static bool Is(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && Is(address));
    }
}
