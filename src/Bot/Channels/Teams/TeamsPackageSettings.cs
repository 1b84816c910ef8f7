using System.Text.RegularExpressions;

namespace CareerBot.Bot.Channels.Teams;

/// <summary>
/// What the Teams app package is made from besides the knowledge base: the bot's Microsoft
/// App ID (which is also the app's id), the app version, the publisher, and the accent colour.
/// Each check returns an error message, or null when the value is fine.
/// </summary>
internal sealed partial record TeamsPackageSettings(Guid AppId)
{
    public const int MaxDeveloperName = 32;

    public string Version { get; init; } = "1.0.0";

    public string DeveloperName { get; init; } = "CareerBot";

    public string WebsiteUrl { get; init; } = "https://careerbot.example.com/";

    public string PrivacyUrl { get; init; } = "https://careerbot.example.com/privacy";

    public string TermsOfUseUrl { get; init; } = "https://careerbot.example.com/terms";

    /// <summary>The colour Teams puts behind the icons; also the colour icon's background.</summary>
    public string AccentColor { get; init; } = "#2B5797";

    public IEnumerable<string> Errors()
    {
        string?[] errors =
        [
            AppId == Guid.Empty ? "the app id must not be the empty GUID" : null,
            CheckVersion(Version),
            CheckDeveloperName(DeveloperName),
            CheckHttpsUrl(WebsiteUrl, "website URL"),
            CheckHttpsUrl(PrivacyUrl, "privacy URL"),
            CheckHttpsUrl(TermsOfUseUrl, "terms of use URL"),
            CheckAccentColor(AccentColor),
        ];
        return errors.OfType<string>();
    }

    /// <summary>The app id as the manifest writes it: 8-4-4-4-12 lower-case hex digits.</summary>
    public string AppIdText => AppId.ToString("D");

    public static string? CheckVersion(string? value) =>
        value is not null && SemVer().IsMatch(value) ? null : $"the app version must look like 1.0.0 (major.minor.patch); got '{value}'";

    public static string? CheckDeveloperName(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxDeveloperName
            ? $"the developer name must be 1 to {MaxDeveloperName} characters; got '{value}'"
            : null;

    public static string? CheckHttpsUrl(string? value, string what) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? null
            : $"the {what} must be an absolute https URL; got '{value}'";

    public static string? CheckAccentColor(string? value) =>
        Rgba.FromHex(value) is null ? $"the accent colour must be #RRGGBB; got '{value}'" : null;

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemVer();
}
