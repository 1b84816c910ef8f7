using System.Text;
using CareerBot.Bot.Channels.Slack;

namespace CareerBot.Bot.Tests.Channels.Slack;

public sealed class SlackSignatureTests
{
    // Slack's published example ("Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void Compute_PublishedVector_GivesThePublishedSignature()
    {
        Assert.Equal(Signature, SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(-300)]
    public void Verify_PublishedVectorWithinTheWindow_IsValid(int secondsLater)
    {
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), SignedAt.AddSeconds(secondsLater), Window));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Verify_PublishedVectorOutsideTheWindow_IsStale(int secondsLater)
    {
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), SignedAt.AddSeconds(secondsLater), Window));
    }

    [Theory]
    [InlineData(Secret, Body + " ", Signature)]
    [InlineData("another-secret-altogether", Body, Signature)]
    [InlineData(Secret, Body, "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData(Secret, Body, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Secret, Body, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData(Secret, Body, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_AnythingChanged_IsAMismatch(string secret, string body, string signature)
    {
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(secret, Timestamp, signature, Encoding.UTF8.GetBytes(body), SignedAt, Window));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_IsRefused(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, SlackSignature.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), SignedAt, Window));
    }

    [Theory]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999999")]
    [InlineData("9223372036854775807")]
    public void Verify_TimestampNotPlainSeconds_IsStale(string timestamp)
    {
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, timestamp, Signature, Encoding.UTF8.GetBytes(Body), SignedAt, Window));
    }
}
