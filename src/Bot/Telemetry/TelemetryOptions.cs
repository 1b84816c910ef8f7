using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Telemetry;

/// <summary>
/// OpenTelemetry export of the bot's traces and metrics. Section "Telemetry". Off by default,
/// and then OpenTelemetry is not registered at all.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Registers the OpenTelemetry tracer and meter providers for the CareerBot source and meter.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where an OTLP collector listens (gRPC, e.g. <c>http://localhost:4317</c>); empty: no exporter.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary>The <c>service.name</c> resource attribute the spans and metrics carry.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(100)]
    public string ServiceName { get; set; } = "careerbot";
}
