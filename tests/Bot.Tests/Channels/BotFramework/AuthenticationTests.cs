using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>
/// The negative matrix of inbound authentication against a local OpenID metadata server
/// with our own RSA keys, and the outbound client-credentials token.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "6f1c2c8e-3d4b-4b8e-9f3a-1f2e3d4c5b6a";
    private const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string EntraIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    private const string EntraV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string OtherApp = "0b7c1e2d-5a4f-4c3b-8e2d-9f1a2b3c4d5e";
    private const string AllowedCaller = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f";
    private const string ServiceUrl = "http://127.0.0.1:9/";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private WebApplication _metadata = null!;
    private string _metadataRoot = string.Empty;
    private BotFactory _bot = null!;
    private int _tokenRequests;
    private int _downRequests;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        _metadata = builder.Build();
        _metadata.MapGet("/{name}/.well-known/openid-configuration", (string name) =>
            Microsoft.AspNetCore.Http.Results.Json(new { issuer = name == "bf" ? BotFrameworkIssuer : EntraIssuer, jwks_uri = $"{_metadataRoot}/{name}/keys" }));
        _metadata.MapGet("/{name}/keys", (string name) => Microsoft.AspNetCore.Http.Results.Text(Jwks(name == "bf"), "application/json"));
        _metadata.MapGet("/down/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref _downRequests);
            return Microsoft.AspNetCore.Http.Results.StatusCode(500);
        });
        await _metadata.StartAsync();
        _metadataRoot = _metadata.Urls.First();
        _bot = new BotFactory(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["OpenIdMetadataUrl"] = $"{_metadataRoot}/bf/.well-known/openid-configuration",
                ["EntraOpenIdMetadataUrl"] = $"{_metadataRoot}/entra/.well-known/openid-configuration",
                ["TokenAuthority"] = "https://login.test.invalid/",
                ["Bot:AllowedCallers:0"] = AllowedCaller,
            },
            services => services.AddHttpClient("msal").ConfigurePrimaryHttpMessageHandler(() => new FakeTokenEndpoint(() => Interlocked.Increment(ref _tokenRequests))));
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _metadata.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private string Jwks(bool botFramework)
    {
        var p = _key.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = "key-1",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (botFramework)
        {
            key["endorsements"] = new JsonArray("msteams", "emulator", "webchat");
        }

        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    private string Token(
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        TimeSpan? expiresIn = null,
        TimeSpan? notBeforeIn = null,
        string? serviceUrl = ServiceUrl,
        RSA? key = null,
        string kid = "key-1",
        Dictionary<string, object>? claims = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var all = new Dictionary<string, object>(claims ?? []);
        if (serviceUrl is not null)
        {
            all["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-30),
            NotBefore = now + (notBeforeIn ?? TimeSpan.FromMinutes(-20)),
            Expires = now + (expiresIn ?? TimeSpan.FromMinutes(30)),
            Claims = all,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private async Task<HttpStatusCode> PostAsync(string? authorization, string channelId = "msteams", string serviceUrl = ServiceUrl)
    {
        var client = _bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Activities.Message("Do I need a PhD?", channelId: channelId, serviceUrl: serviceUrl)),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task ValidChannelToken_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Token()));
    }

    [Fact]
    public async Task ValidEntraToken_WithoutServiceUrl_Is200()
    {
        var token = Token(issuer: EntraIssuer, serviceUrl: null, claims: new() { ["ver"] = "2.0", ["azp"] = AppId });

        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + token, channelId: "emulator"));
    }

    /// <summary>An Entra token as the Emulator or another app gets it: v1 names the caller in appid, v2 in azp.</summary>
    private string EntraToken(string version, string caller, string audience = AppId, string? serviceUrl = null, Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>(extra ?? []) { ["ver"] = version, [version == "1.0" ? "appid" : "azp"] = caller };
        return Token(issuer: version == "1.0" ? EntraV1Issuer : EntraIssuer, audience: audience, serviceUrl: serviceUrl, claims: claims);
    }

    [Theory]
    [InlineData("1.0", "emulator")]
    [InlineData("2.0", "emulator")]
    [InlineData("1.0", "msteams")]
    [InlineData("2.0", "msteams")]
    public async Task EntraToken_OwnApp_Is200(string version, string channelId)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + EntraToken(version, AppId), channelId: channelId));
    }

    [Theory]
    [InlineData("1.0", "emulator")]
    [InlineData("2.0", "emulator")]
    [InlineData("1.0", "msteams")]
    [InlineData("2.0", "msteams")]
    public async Task EntraToken_OtherApp_Is401(string version, string channelId)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + EntraToken(version, OtherApp), channelId: channelId));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EntraToken_AllowedCaller_Is200(string version)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + EntraToken(version, AllowedCaller), channelId: "emulator"));
    }

    [Fact]
    public async Task EntraV2Token_OwnAppOnlyInAppid_Is401()
    {
        // The caller of a v2 token is azp; an appid claim naming the bot must not stand in for it.
        var token = EntraToken("2.0", OtherApp, extra: new() { ["appid"] = AppId });

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token, channelId: "emulator"));
    }

    [Fact]
    public async Task EntraV1Token_OwnAppOnlyInAzp_Is401()
    {
        var token = EntraToken("1.0", OtherApp, extra: new() { ["azp"] = AppId });

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token, channelId: "emulator"));
    }

    [Fact]
    public async Task EntraToken_NoVersion_Is401()
    {
        var token = Token(issuer: EntraIssuer, serviceUrl: null, claims: new() { ["azp"] = AppId, ["appid"] = AppId });

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token, channelId: "emulator"));
    }

    [Fact]
    public async Task EntraToken_OwnAppButAudienceAnotherBot_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + EntraToken("2.0", AppId, audience: OtherApp), channelId: "emulator"));
    }

    [Fact]
    public async Task EntraToken_IssuerOfAnUntrustedTenant_Is401()
    {
        var token = Token(issuer: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0", serviceUrl: null, claims: new() { ["ver"] = "2.0", ["azp"] = AppId });

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token, channelId: "emulator"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EntraToken_ServiceUrlClaimNotTheActivitys_Is401(string version)
    {
        var token = EntraToken(version, AppId, serviceUrl: "https://attacker.example.com/");

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token, channelId: "msteams"));
    }

    [Fact]
    public async Task EntraToken_ServiceUrlClaimMatching_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + EntraToken("2.0", AppId, serviceUrl: ServiceUrl), channelId: "msteams"));
    }

    [Fact]
    public async Task EntraToken_OtherApp_NeverGetsAReplyWithTheConnectorToken()
    {
        // The finding: another app's token, channelId msteams and a serviceUrl of its choosing made the
        // bot post its reply there with its own Connector token.
        await using var attacker = await FakeChannelServer.StartAsync();
        var client = _bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Activities.Message("Do I need a PhD?", channelId: "msteams", serviceUrl: attacker.ServiceUrl, expectReplies: false)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EntraToken("2.0", OtherApp));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(attacker.Received);
        Assert.Contains(_bot.Logs.Events, e => e.EventId == 2300 && e.Message.Contains(OtherApp, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TokenAuthority", "http://login.microsoftonline.com/")]
    [InlineData("OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("EntraOpenIdMetadataUrl", "http://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration")]
    public void StartUp_AuthorityNotHttps_FailsNamingTheSetting(string key, string value)
    {
        var failure = StartupValidation.Failure(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret", [key] = value });

        Assert.Contains($"{key} must be an absolute https URL", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("another-bot")]
    public void StartUp_AllowedCallerNotAnAppId_FailsNamingTheSetting(string caller)
    {
        var failure = StartupValidation.Failure(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret", ["Bot:AllowedCallers:0"] = caller });

        Assert.Contains("Bot:AllowedCallers", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenExpiredWithinSkew_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Token(expiresIn: TimeSpan.FromMinutes(-4))));
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));
    }

    [Fact]
    public async Task WrongScheme_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b"))));
    }

    [Fact]
    public async Task WrongAudience_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(audience: Guid.NewGuid().ToString())));
    }

    [Fact]
    public async Task WrongIssuer_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(issuer: "https://evil.example.com")));
    }

    [Fact]
    public async Task Expired_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(expiresIn: TimeSpan.FromMinutes(-10))));
    }

    [Fact]
    public async Task NotYetValid_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(notBeforeIn: TimeSpan.FromMinutes(10))));
    }

    [Fact]
    public async Task BadSignature_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(key: _otherKey)));
    }

    [Fact]
    public async Task UnknownKeyId_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(key: _otherKey, kid: "key-2")));
    }

    [Fact]
    public async Task AlgNone_Is401()
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($"{{\"iss\":\"{BotFrameworkIssuer}\",\"aud\":\"{AppId}\",\"exp\":{now + 600},\"nbf\":{now - 600},\"serviceurl\":\"{ServiceUrl}\"}}");

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync($"Bearer {header}.{payload}."));
    }

    [Theory]
    [InlineData("a.b.c")] // each of these was an unhandled exception: 500 and an error with a stack trace
    [InlineData("x.y.z.w.v")]
    [InlineData("exp-null")]
    public async Task MalformedToken_Is401NotAnError(string token)
    {
        if (token == "exp-null")
        {
            var header = Base64UrlEncoder.Encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            token = $"{header}.{Base64UrlEncoder.Encode($"{{\"iss\":\"{BotFrameworkIssuer}\",\"exp\":null}}")}.c2ln";
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task MetadataDown_ManyRequests_FetchItOnlyNowAndThen()
    {
        // Each request naming the Bot Framework issuer fetched the metadata again while it could not be
        // had: anyone could make the bot call out as often as they called in.
        using var bot = new BotFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["OpenIdMetadataUrl"] = $"{_metadataRoot}/down/.well-known/openid-configuration",
            ["EntraOpenIdMetadataUrl"] = $"{_metadataRoot}/down/.well-known/openid-configuration",
            ["TokenAuthority"] = "https://login.test.invalid/",
        });
        var client = bot.CreateClient();
        var token = Token();

        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Activities.Message("Do I need a PhD?", channelId: "msteams", serviceUrl: ServiceUrl)) };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }

        Assert.InRange(Volatile.Read(ref _downRequests), 1, 2);
    }

    [Fact]
    public async Task Hs256WithAGuessedKey_Is401()
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))), SecurityAlgorithms.HmacSha256),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + new JsonWebTokenHandler().CreateToken(descriptor)));
    }

    [Fact]
    public async Task ServiceUrlMismatch_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(serviceUrl: "https://attacker.example.com/")));
    }

    [Fact]
    public async Task ChannelNotEndorsed_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Token(), channelId: "slack"));
    }

    [Fact]
    public async Task Replies_CarryTheClientCredentialsToken_FetchedOnce()
    {
        await using var channel = await FakeChannelServer.StartAsync();
        var client = _bot.CreateClient();
        foreach (var id in new[] { "a-1", "a-2" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = JsonContent.Create(Activities.Message("Do I need a PhD?", channelId: "msteams", serviceUrl: channel.ServiceUrl, expectReplies: false, id: id)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(serviceUrl: channel.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        await channel.WaitForAsync(2);
        Assert.All(channel.Received, r => Assert.Equal("Bearer connector-token", r.Authorization));
        Assert.Equal(1, Volatile.Read(ref _tokenRequests));
    }

    /// <summary>The token endpoint MSAL calls, answering a fixed client-credentials token.</summary>
    private sealed class FakeTokenEndpoint(Action onRequest) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onRequest();
            var body = "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"connector-token\"}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
