using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareerBot.Bot.Tests;

/// <summary>Secrets come from the environment or user secrets, never from committed settings, and never reach a log line.</summary>
public sealed class SecretsTests
{
    private static readonly string[] SecretKeys =
    [
        "MicrosoftAppPassword", "Slack:SigningSecret", "Slack:BotToken", "DirectLine:Secret", "DirectLine:AzureSecret", "State:BlobConnectionString",
    ];

    [Fact]
    public void CommittedAppSettings_HoldNoSecretValues()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CareerBot.sln")))
        {
            root = root.Parent ?? throw new DirectoryNotFoundException("CareerBot.sln not found above the tests");
        }

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(root.FullName, "src", "Bot", "appsettings.json")))!.AsObject();

        foreach (var key in SecretKeys)
        {
            JsonNode? node = settings;
            foreach (var part in key.Split(':'))
            {
                node = node?[part];
            }

            Assert.True(node is null || string.IsNullOrEmpty(node.GetValue<string>()), $"{key} must not have a value in appsettings.json");
        }
    }

    [Fact]
    public async Task Secrets_InUse_NeverAppearInTheLogs()
    {
        const string DirectLineSecret = "dl-secret-7f3a9c";
        const string SigningSecret = "slack-signing-5b2e1d";
        const string BotToken = "xoxb-token-8c4f0a";
        using var factory = new BotFactory(new()
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["DirectLine:Secret"] = DirectLineSecret,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:1/",
        });
        var client = factory.CreateClient();

        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineSecret);
        var grant = (await (await client.SendAsync(generate)).Content.ReadFromJsonAsync<JsonObject>())!;
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineSecret + "x");
        await client.SendAsync(wrong);
        await client.PostAsync("/api/slack", new StringContent("{\"type\":\"url_verification\",\"challenge\":\"c\"}", System.Text.Encoding.UTF8, "application/json"));
        await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?"));

        Assert.NotNull((string?)grant["token"]);
        Assert.NotEmpty(factory.Logs.Events);
        Assert.DoesNotContain(factory.Logs.Events, e =>
            e.Message.Contains(DirectLineSecret, StringComparison.Ordinal)
            || e.Message.Contains(SigningSecret, StringComparison.Ordinal)
            || e.Message.Contains(BotToken, StringComparison.Ordinal)
            || e.Message.Contains((string)grant["token"]!, StringComparison.Ordinal));
    }
}
