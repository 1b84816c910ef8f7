using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Bearer tokens for the Connector API by client credentials (Microsoft.Identity.Client),
/// from the botframework.com tenant for a multi-tenant bot or the bot's own tenant for a
/// single-tenant one. MSAL caches the token and renews it before it expires.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string HttpClientName = "msal";

    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    public MsalConnectorTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClients)
    {
        var o = options.Value;
        var tenant = o.MicrosoftAppType == "SingleTenant" ? o.MicrosoftAppTenantId! : "botframework.com";
        _scopes = [o.TokenScope];
        _application = ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
            .WithClientSecret(o.MicrosoftAppPassword)
            .WithAuthority(o.TokenAuthority.TrimEnd('/') + "/" + tenant, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new Factory(httpClients))
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private sealed class Factory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
