using System.Text.Json.Serialization;

namespace CareerBot.Bot.Channels.Teams;

/// <summary>
/// The Teams app manifest (schema v1.22), only the parts a bot-only app uses. Properties
/// are written in declaration order, camelCase; null ones are left out.
/// </summary>
internal sealed record TeamsManifest(
    [property: JsonPropertyName("$schema")] string Schema,
    string ManifestVersion,
    string Version,
    string Id,
    TeamsDeveloper Developer,
    TeamsName Name,
    TeamsDescription Description,
    TeamsIcons Icons,
    string AccentColor,
    IReadOnlyList<TeamsBot> Bots,
    IReadOnlyList<string> ValidDomains);

/// <summary>Who publishes the app; every URL is https.</summary>
internal sealed record TeamsDeveloper(string Name, string WebsiteUrl, string PrivacyUrl, string TermsOfUseUrl);

/// <summary>The app's name: short at most 30 characters, full at most 100.</summary>
internal sealed record TeamsName(string Short, string Full);

/// <summary>The app's description: short at most 80 characters, full at most 4000.</summary>
internal sealed record TeamsDescription(string Short, string Full);

/// <summary>Paths inside the package of the 192×192 colour icon and the 32×32 outline icon.</summary>
internal sealed record TeamsIcons(string Color, string Outline);

/// <summary>The app's one bot: the Azure Bot's Microsoft App ID and where it can be used.</summary>
internal sealed record TeamsBot(
    string BotId,
    IReadOnlyList<string> Scopes,
    bool SupportsFiles,
    bool IsNotificationOnly,
    IReadOnlyList<TeamsCommandList>? CommandLists);

/// <summary>Commands offered in the given scopes (at most 10).</summary>
internal sealed record TeamsCommandList(IReadOnlyList<string> Scopes, IReadOnlyList<TeamsCommand> Commands);

/// <summary>One prompt starter: Teams puts <see cref="Title"/> in the compose box when it is picked.</summary>
internal sealed record TeamsCommand(string Title, string Description);
