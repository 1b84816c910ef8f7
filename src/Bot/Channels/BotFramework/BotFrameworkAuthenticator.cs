using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Validates the Bot Framework JWT on every request when the bot has an app id. The token's
/// issuer picks the path: Bot Framework channel tokens are checked against the Bot
/// Framework's OpenID keys, with the serviceurl claim and the signing key's channel
/// endorsements; Microsoft Entra tokens (the Emulator, and channels moving to Entra) against
/// Entra's keys and an issuer allow-list, and then by who asked for them: the calling app
/// (<c>appid</c> in a v1 token, <c>azp</c> in a v2 one) must be the bot's own app id, as the
/// Bot Framework SDK's Emulator validation requires, or one listed in <c>Bot:AllowedCallers</c>
/// (the SDK's skill validation with an allowed-callers list); a serviceurl claim, when the token
/// has one, must match the activity as on the channel path. Both paths check audience, lifetime
/// (5 minutes of skew) and an RSA signature. Keys are cached and refreshed by the metadata managers.
/// </summary>
internal sealed partial class BotFrameworkAuthenticator : IBotAuthenticator
{
    private static readonly string[] EntraTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotAuthenticationOptions _options;
    private readonly Metadata _botFramework;
    private readonly Metadata _entra;
    private readonly HashSet<string> _entraIssuers;
    private readonly HashSet<string> _allowedCallers;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<BotFrameworkAuthenticator> _logger;

    public BotFrameworkAuthenticator(IOptions<BotAuthenticationOptions> options, IOptions<BotOptions> botOptions, IHttpClientFactory httpClients, ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _allowedCallers = botOptions.Value.AllowedCallers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _logger = logger;
        _botFramework = new Metadata(Manager(_options.OpenIdMetadataUrl, httpClients));
        _entra = new Metadata(Manager(_options.EntraOpenIdMetadataUrl, httpClients));
        var tenants = EntraTenants.ToList();
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            tenants.Add(_options.MicrosoftAppTenantId);
        }

        _entraIssuers = tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .Concat(_options.ExtraEntraIssuers)
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("no bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return AuthenticationResult.Fail("the token is not a JWT");
        }

        string issuer;
        try
        {
            issuer = _handler.ReadJsonWebToken(token).Issuer;
        }
        catch (Exception ex) when (ex is SecurityTokenException or ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // "a.b.c", five parts, "exp": null: shaped like a JWT, unreadable as one. An unhandled
            // exception here was a 500 and an error with a stack trace for every such request.
            return AuthenticationResult.Fail($"the token cannot be read: {ex.GetType().Name}");
        }

        if (issuer == _options.BotFrameworkIssuer)
        {
            return await ValidateChannelTokenAsync(token, activity, cancellationToken).ConfigureAwait(false);
        }

        if (_entraIssuers.Contains(issuer))
        {
            return await ValidateEntraTokenAsync(token, issuer, activity, cancellationToken).ConfigureAwait(false);
        }

        return AuthenticationResult.Fail("the token's issuer is not trusted");
    }

    private async Task<AuthenticationResult> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateAsync(token, _botFramework, [_options.BotFrameworkIssuer], cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthenticationResult.Fail($"invalid channel token: {result.Exception?.GetType().Name}");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.Ordinal))
        {
            return AuthenticationResult.Fail("the serviceurl claim does not match the activity");
        }

        var key = configuration!.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        if (key is null || !Endorsements(key).Contains(activity.ChannelId ?? string.Empty))
        {
            return AuthenticationResult.Fail("the signing key is not endorsed for this channel");
        }

        return AuthenticationResult.Success;
    }

    private async Task<AuthenticationResult> ValidateEntraTokenAsync(string token, string issuer, Activity activity, CancellationToken cancellationToken)
    {
        var (result, _) = await ValidateAsync(token, _entra, [issuer], cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthenticationResult.Fail($"invalid Entra token: {result.Exception?.GetType().Name}");
        }

        // Entra tokens carry the calling app in appid (v1) or azp (v2); the other claim is not read,
        // so a v2 token cannot pass by naming the bot in appid, nor a v1 token in azp.
        var jwt = (JsonWebToken)result.SecurityToken;
        var version = jwt.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var caller = version switch
        {
            "1.0" => jwt.TryGetPayloadValue<string>("appid", out var appId) ? appId : null,
            "2.0" => jwt.TryGetPayloadValue<string>("azp", out var azp) ? azp : null,
            _ => null,
        };
        if (string.IsNullOrEmpty(caller))
        {
            return AuthenticationResult.Fail("the Entra token names no calling app");
        }

        if (jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) && !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.Ordinal))
        {
            return AuthenticationResult.Fail("the serviceurl claim does not match the activity");
        }

        if (string.Equals(caller, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase) || _allowedCallers.Contains(caller))
        {
            return AuthenticationResult.Success;
        }

        return AuthenticationResult.Fail($"the Entra token's calling app {caller} is neither the bot's own app nor in Bot:AllowedCallers");
    }

    /// <summary>Validates against the cached keys; an unknown key id refreshes them once.</summary>
    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration? Configuration)> ValidateAsync(
        string token, Metadata metadata, string[] issuers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                Log.MetadataUnavailable(_logger, ex.GetType().Name);
                return (new TokenValidationResult { IsValid = false, Exception = ex }, null);
            }

            var parameters = new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidAudiences = [_options.MicrosoftAppId!, $"api://{_options.MicrosoftAppId}", $"api://botid-{_options.MicrosoftAppId}"],
                IssuerSigningKeys = configuration.SigningKeys,
                ValidAlgorithms = Algorithms,
                ClockSkew = TimeSpan.FromMinutes(5),
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
            };
            var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            if (!result.IsValid && attempt == 0 && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                metadata.Manager.RequestRefresh();
                continue;
            }

            return (result, configuration);
        }
    }

    /// <summary>
    /// One issuer's OpenID metadata and signing keys. While they cannot be fetched, a failed fetch is not
    /// tried again for <see cref="RetryDelay"/>: each request naming the issuer fetched them anew before, so
    /// anyone could make the bot call out as often as they called in (10 requests, 10 fetches).
    /// </summary>
    private sealed class Metadata(ConfigurationManager<OpenIdConnectConfiguration> manager)
    {
        public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

        private long _retryAt = long.MinValue;

        public ConfigurationManager<OpenIdConnectConfiguration> Manager => manager;

        public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
        {
            if (Environment.TickCount64 < Volatile.Read(ref _retryAt))
            {
                throw new InvalidOperationException("The OpenID metadata could not be fetched a moment ago; not tried again yet.");
            }

            try
            {
                return await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                Volatile.Write(ref _retryAt, Environment.TickCount64 + (long)RetryDelay.TotalMilliseconds);
                throw;
            }
        }
    }

    private static HashSet<string> Endorsements(JsonWebKey key)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return endorsements;
        }

        if (value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    endorsements.Add(item.GetString()!);
                }
            }
        }
        else if (value is System.Collections.IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                if (item?.ToString() is { } channel)
                {
                    endorsements.Add(channel);
                }
            }
        }

        return endorsements;
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> Manager(string metadataUrl, IHttpClientFactory httpClients)
    {
        var uri = new Uri(metadataUrl);
        var requireHttps = !Http.Loopback.Is(uri);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = requireHttps };
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
    }

    public const string HttpClientName = "openid-metadata";

    private static partial class Log
    {
        [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "OpenID metadata could not be fetched ({Error}); the request is refused")]
        public static partial void MetadataUnavailable(ILogger logger, string error);
    }
}
