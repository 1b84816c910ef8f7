using CareerBot.Bot.Channels.DirectLine;
using CareerBot.Bot.Channels.Slack;
using CareerBot.Bot.Operations;
using CareerBot.Bot.State;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot;

/// <summary>Source-generated validation of the knowledge options, nested ones included.</summary>
[OptionsValidator]
internal sealed partial class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>;

[OptionsValidator]
internal sealed partial class BotOptionsValidator : IValidateOptions<BotOptions>;

[OptionsValidator]
internal sealed partial class StateOptionsValidator : IValidateOptions<StateOptions>;

[OptionsValidator]
internal sealed partial class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>;

[OptionsValidator]
internal sealed partial class TranscriptOptionsValidator : IValidateOptions<TranscriptOptions>;

[OptionsValidator]
internal sealed partial class TurnLogOptionsValidator : IValidateOptions<TurnLogOptions>;

[OptionsValidator]
internal sealed partial class OperationsOptionsValidator : IValidateOptions<OperationsOptions>;

[OptionsValidator]
internal sealed partial class HostingOptionsValidator : IValidateOptions<HostingOptions>;

[OptionsValidator]
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>;

[OptionsValidator]
internal sealed partial class ReloadOptionsValidator : IValidateOptions<ReloadOptions>;

[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
