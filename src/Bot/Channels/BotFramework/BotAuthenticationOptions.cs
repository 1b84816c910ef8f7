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
}
