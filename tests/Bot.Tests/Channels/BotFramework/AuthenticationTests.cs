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
    private const string ServiceUrl = "http://127.0.0.1:9/";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private WebApplication _metadata = null!;
    private string _metadataRoot = string.Empty;
    private BotFactory _bot = null!;
    private int _tokenRequests;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        _metadata = builder.Build();
        _metadata.MapGet("/{name}/.well-known/openid-configuration", (string name) =>
            Microsoft.AspNetCore.Http.Results.Json(new { issuer = name == "bf" ? BotFrameworkIssuer : EntraIssuer, jwks_uri = $"{_metadataRoot}/{name}/keys" }));
        _metadata.MapGet("/{name}/keys", (string name) => Microsoft.AspNetCore.Http.Results.Text(Jwks(name == "bf"), "application/json"));
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
