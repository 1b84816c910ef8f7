using CareerBot.Knowledge;

namespace CareerBot.Bot.Tests;

public sealed class OptionsValidatorsTests
{
    [Fact]
    public void KnowledgeOptions_DefaultStaleGuideAge_IsAYearAndValid()
    {
        var options = new KnowledgeOptions();

        Assert.Equal(TimeSpan.FromDays(365), options.StaleGuideAge);
        Assert.True(new KnowledgeOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("12:00:00")]
    [InlineData("3651.00:00:00")]
    public void KnowledgeOptions_StaleGuideAgeOutOfRange_FailsNamingIt(string age)
    {
        var options = new KnowledgeOptions { StaleGuideAge = TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new KnowledgeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("StaleGuideAge", result.FailureMessage, StringComparison.Ordinal);
    }
}
