using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// The Azure Bot registration's credentials, under the Bot Framework's usual top-level keys
/// (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId). With no
/// app id the bot runs in anonymous development mode for the Emulator.
/// </summary>
public sealed class BotAuthenticationOptions : IValidatableObject
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant (default) or SingleTenant.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of Bot Framework channel tokens.</summary>
    [Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Microsoft Entra tokens (Emulator, and channels moving to Entra).</summary>
    [Url]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Issuer of Bot Framework channel tokens.</summary>
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Further Entra issuers to trust (national clouds, new Bot Service tenants).</summary>
    public List<string> ExtraEntraIssuers { get; set; } = [];

    /// <summary>Authority for outgoing tokens; the tenant is appended.</summary>
    [Url]
    public string TokenAuthority { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Scope of outgoing tokens.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MicrosoftAppType is not ("MultiTenant" or "SingleTenant"))
        {
            yield return new ValidationResult("MicrosoftAppType must be MultiTenant or SingleTenant", [nameof(MicrosoftAppType)]);
        }

        // Authorities are checked whether or not an app id is set: a bad one must stop start-up,
        // not fail every authenticated turn later.
        if (!IsHttps(TokenAuthority))
        {
            yield return new ValidationResult($"TokenAuthority must be an absolute https URL; '{TokenAuthority}' is not", [nameof(TokenAuthority)]);
        }

        foreach (var (name, url) in new[] { (nameof(OpenIdMetadataUrl), OpenIdMetadataUrl), (nameof(EntraOpenIdMetadataUrl), EntraOpenIdMetadataUrl) })
        {
            if (!IsHttps(url) && !IsLoopbackHttp(url))
            {
                yield return new ValidationResult($"{name} must be an absolute https URL (http only on a loopback address); '{url}' is not", [name]);
            }
        }

        if (IsAnonymous)
        {
            yield break;
        }

        if (!Guid.TryParse(MicrosoftAppId, out _))
        {
            yield return new ValidationResult("MicrosoftAppId must be a GUID", [nameof(MicrosoftAppId)]);
        }

        if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult("MicrosoftAppPassword is required when MicrosoftAppId is set", [nameof(MicrosoftAppPassword)]);
        }

        if (MicrosoftAppType == "SingleTenant" && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            yield return new ValidationResult("MicrosoftAppTenantId is required for a SingleTenant app", [nameof(MicrosoftAppTenantId)]);
        }
    }

    private static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0;

    /// <summary>Plain http to this machine (tests serve metadata from a local listener).</summary>
    private static bool IsLoopbackHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
        && Http.Loopback.Is(uri);
}
