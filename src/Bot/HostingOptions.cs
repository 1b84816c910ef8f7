using System.ComponentModel.DataAnnotations;
using CareerBot.Bot.Channels.DirectLine;
using CareerBot.Bot.Operations;
using CareerBot.Bot.State;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot;

/// <summary>
/// How the bot is run. Section "Hosting". App Service, containers and load balancers do not tell an
/// app how many copies of it serve the same site, so the operator says so here (infra/main.bicep sets
/// it from the same parameter as the plan's instance count).
/// </summary>
public sealed class HostingOptions
{
    /// <summary>
    /// How many instances serve the bot behind one address. Above 1, start-up refuses any setting
    /// that keeps something in one instance only (see <see cref="ScaleOutCheck"/>).
    /// </summary>
    [Range(1, 1000)]
    public int Instances { get; set; } = 1;
}

/// <summary>
/// With more than one instance declared, refuses at start each setting that would silently break:
/// conversation state in memory, feedback and turn records in per-instance SQLite files, and the
/// embedded Direct Line, whose conversations, feeds and streams live in one process (a careers page
/// whose token request, posts and WebSocket reach different instances would lose its replies).
/// Azure's Direct Line (<c>DirectLine:AzureSecret</c>) keeps the channel's state in Azure Bot Service
/// and reaches the bot through <c>/api/messages</c>, which any instance can answer.
/// </summary>
internal sealed class ScaleOutCheck(IOptions<StateOptions> state, IOptions<OperationsOptions> operations, IOptions<DirectLineOptions> directLine) : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Instances <= 1)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var instances = $"Instances: is {options.Instances}, but ";
        if (string.IsNullOrWhiteSpace(state.Value.BlobConnectionString))
        {
            failures.Add(instances + "State:BlobConnectionString is empty: conversation state would stay in each instance's memory and follow-ups reaching another instance would lose their context");
        }

        if (!operations.Value.UsesTables)
        {
            failures.Add(instances + "Operations:TablesConnectionString is empty: feedback and turn records would go to each instance's own SQLite files and report would see only part of them");
        }

        if (string.IsNullOrWhiteSpace(directLine.Value.AzureSecret))
        {
            failures.Add(instances + "DirectLine:AzureSecret is empty: the careers page would use the embedded Direct Line, which keeps conversations, feeds and streams in one instance's memory (set DirectLine:AzureSecret to use Azure's Direct Line)");
        }

        if (!string.IsNullOrEmpty(directLine.Value.Secret))
        {
            failures.Add(instances + "DirectLine:Secret is set: it opens the embedded Direct Line, which keeps conversations in one instance's memory (leave it empty and use Azure's Direct Line)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
