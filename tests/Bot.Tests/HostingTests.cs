using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests;

public sealed class HostingTests
{
    [Theory]
    [InlineData("Bot:MaxBodyBytes", "12", "MaxBodyBytes")]
    [InlineData("State:BlobContainer", "Not_A_Container", "State:BlobContainer")]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId")]
    [InlineData("Knowledge:Retrieval:MinCoverage", "7", "MinCoverage")]
    public void Start_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var factory = new BotFactory(new Dictionary<string, string?> { [key] = value, ["MicrosoftAppPassword"] = "secret" });

        var ex = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
