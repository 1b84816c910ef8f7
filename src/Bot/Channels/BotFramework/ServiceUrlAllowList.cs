using System.Net;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Where an unauthenticated caller may make the bot post: loopback, when the caller is itself on
/// loopback (the Emulator beside the bot), or an entry of <c>Bot:AllowedServiceUrls</c>. A caller
/// from elsewhere never gets a loopback service URL: it would make the bot post to any local port
/// (an admin endpoint, a sidecar) on its behalf. Entries and service URLs are compared as parsed URIs, never as
/// strings: scheme, host and port must be equal, then the entry's path must be a prefix of the
/// service URL's on whole segments. A service URL with user information is never allowed, so
/// <c>https://smba.trafficmanager.net@169.254.169.254/</c> and
/// <c>https://smba.trafficmanager.net.attacker.example/</c> do not pass an entry
/// <c>https://smba.trafficmanager.net</c>.
/// </summary>
internal static class ServiceUrlAllowList
{
    /// <summary>What is wrong with an allow-list entry, or null when it is a usable one.</summary>
    public static string? Problem(string entry)
    {
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "is not an absolute http(s) URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry user information";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0 ? "must not carry a query or fragment" : null;
    }

    /// <summary>
    /// A service URL the bot may post to without credentials, for a request from <paramref name="caller"/>:
    /// null when the request came over no IP connection (a Unix socket, the in-process test host), which is local.
    /// </summary>
    public static bool Allows(Uri serviceUrl, IEnumerable<string> entries, IPAddress? caller)
    {
        if (serviceUrl.UserInfo.Length > 0)
        {
            return false;
        }

        if (Http.Loopback.Is(serviceUrl))
        {
            return caller is null || Http.Loopback.Is(caller);
        }

        foreach (var entry in entries)
        {
            if (Problem(entry) is null && Uri.TryCreate(entry, UriKind.Absolute, out var allowed) && Matches(serviceUrl, allowed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(Uri candidate, Uri allowed) =>
        string.Equals(candidate.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(candidate.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
        && candidate.Port == allowed.Port
        && Segments(candidate.AbsolutePath).StartsWith(Segments(allowed.AbsolutePath), StringComparison.Ordinal);

    /// <summary>The path with exactly one trailing slash, so "/amer" is a prefix of "/amer/x" and not of "/americas".</summary>
    private static string Segments(string path) => path.TrimEnd('/') + "/";
}
