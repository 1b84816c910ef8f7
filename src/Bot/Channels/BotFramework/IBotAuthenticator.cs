
namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>Outcome of checking an inbound request's credentials.</summary>
public sealed record AuthenticationResult(bool Succeeded, string? Failure = null)
{
    public static AuthenticationResult Success { get; } = new(true);

    public static AuthenticationResult Fail(string reason) => new(false, reason);
}

/// <summary>Checks the Authorization header of a request to /api/messages against its activity.</summary>
public interface IBotAuthenticator
{
    Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>Supplies bearer tokens for calls to the Connector API; null when the bot has no app id.</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Anonymous development mode: every request is accepted and replies carry no token.</summary>
internal sealed class AnonymousAuthenticator : IBotAuthenticator, IConnectorTokenProvider
{
    public Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticationResult.Success);

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
