using System.Runtime.CompilerServices;
using CareerBot.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Which store holds feedback votes and turn records: the SQLite files in the data folder (the
/// default, nothing to set up for one instance) or Azure Table Storage when
/// <c>Operations:TablesConnectionString</c> is set (shared by every instance). The bot and the
/// <c>report</c> verb choose the same way.
/// </summary>
internal static class OperationalStores
{
    /// <summary>Registers the options, the metrics and the configured feedback store and turn log (a hosted writer).</summary>
    public static IServiceCollection AddOperationalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<OperationsOptions, OperationsOptionsValidator>().Bind(configuration.GetSection("Operations"));
        services.AddSingleton<OperationsMetrics>();
        services.AddSingleton<SqliteFeedbackStore>();
        services.AddSingleton<IFeedbackStore>(sp => UsesTables(sp)
            ? TableFeedback(sp)
            : sp.GetRequiredService<SqliteFeedbackStore>());
        services.AddSingleton<SqliteTurnLog>();

        // The configured writer is the turn log and the hosted service that drains it. Held apart from
        // ITurnLog, so that a test (or a decorator) replacing ITurnLog leaves the host with a writer to run.
        services.AddSingleton(sp => UsesTables(sp) ? TurnLogWriter.Of(TableTurns(sp)) : TurnLogWriter.Of(sp.GetRequiredService<SqliteTurnLog>()));
        services.AddSingleton(sp => sp.GetRequiredService<TurnLogWriter>().Log);
        services.AddHostedService(sp => sp.GetRequiredService<TurnLogWriter>().Writer);
        return services;
    }

    /// <summary>What <c>report</c> reads: the turn log and feedback store the bot with these settings writes to.</summary>
    public static (ITurnLog Turns, IFeedbackStore Feedback, IDisposable Lifetime) ForReport(KnowledgeOptions knowledge, OperationsOptions operations, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.UsesTables)
        {
            return TablesForReport(operations, time);
        }

        var log = new SqliteTurnLog(Options.Create(knowledge), Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), time, NullLogger<SqliteTurnLog>.Instance);
        return (log, new SqliteFeedbackStore(Options.Create(knowledge)), log);
    }

    /// <summary>The Operations section from appsettings.json and the environment, validated as at start.</summary>
    public static OperationsOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new OperationsOptions();
        configuration.GetSection("Operations").Bind(options);
        var result = new OperationsOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException("Operations: " + result.FailureMessage);
        }

        return options;
    }

    private static bool UsesTables(IServiceProvider services) => services.GetRequiredService<IOptions<OperationsOptions>>().Value.UsesTables;

    // Methods of their own, so the Azure SDK's table assemblies load only when the tables are configured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IFeedbackStore TableFeedback(IServiceProvider services) => ActivatorUtilities.CreateInstance<TableFeedbackStore>(services);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TableTurnLog TableTurns(IServiceProvider services) => ActivatorUtilities.CreateInstance<TableTurnLog>(services);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ITurnLog, IFeedbackStore, IDisposable) TablesForReport(OperationsOptions operations, TimeProvider time)
    {
        var options = Options.Create(operations);
        var transcripts = Options.Create(new TranscriptOptions());
        var retention = Options.Create(new TurnLogOptions());
        var log = new TableTurnLog(options, transcripts, retention, time, NullLogger<TableTurnLog>.Instance);
        return (log, new TableFeedbackStore(options, transcripts, retention, time, NullLogger<TableFeedbackStore>.Instance), log);
    }

    /// <summary>The turn log the settings chose, and the same object as the background writer that drains it.</summary>
    private sealed record TurnLogWriter(ITurnLog Log, BackgroundService Writer)
    {
        public static TurnLogWriter Of<T>(T log)
            where T : BackgroundService, ITurnLog => new(log, log);
    }
}
