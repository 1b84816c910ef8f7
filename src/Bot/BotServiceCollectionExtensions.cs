using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Conversation;
using CareerBot.Bot.Rendering;
using CareerBot.Bot.State;
using CareerBot.Knowledge;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CareerBot.Bot;

/// <summary>The bot's composition: options, knowledge, turn pipeline, channels, endpoints.</summary>
internal static partial class BotServiceCollectionExtensions
{
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplicationBuilder AddCareerBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The Bot Framework's usual port, unless --urls or ASPNETCORE_URLS says otherwise.
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        services.AddOptionsWithValidateOnStart<KnowledgeOptions, KnowledgeOptionsValidator>()
            .Bind(configuration.GetSection("Knowledge"))
            .PostConfigure(options => KnowledgePaths.Resolve(options));
        services.AddOptionsWithValidateOnStart<BotOptions, BotOptionsValidator>().Bind(configuration.GetSection("Bot"));
        services.AddOptionsWithValidateOnStart<StateOptions, StateOptionsValidator>().Bind(configuration.GetSection("State"));
        services.AddOptionsWithValidateOnStart<BotAuthenticationOptions>().Bind(configuration).ValidateDataAnnotations();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KnowledgeProvider>();
        services.AddHostedService<KnowledgeLoaderService>();

        services.AddSingleton<IStateStorage>(sp =>
        {
            var state = sp.GetRequiredService<IOptions<StateOptions>>().Value;
            return string.IsNullOrWhiteSpace(state.BlobConnectionString)
                ? ActivatorUtilities.CreateInstance<MemoryStateStorage>(sp)
                : new BlobStateStorage(new Azure.Storage.Blobs.BlobContainerClient(state.BlobConnectionString, state.BlobContainer, BlobOptions(state)));
        });
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddSingleton<IReplyRenderer, AdaptiveCardRenderer>();
        services.AddSingleton<IReplyRenderer, TeamsRenderer>();
        services.AddSingleton<IReplyRenderer, WebChatRenderer>();
        services.AddSingleton<IReplyRenderer, SlackRenderer>();
        services.AddSingleton<RendererSelector>();
        services.AddSingleton<TurnHandler>();

        // No app id: anonymous development mode. Otherwise every request needs a valid JWT.
        services.AddSingleton<AnonymousAuthenticator>();
        services.AddHttpClient(BotFrameworkAuthenticator.HttpClientName);
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName);
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<MsalConnectorTokenProvider>();
        services.AddSingleton<IBotAuthenticator>(sp => Anonymous(sp)
            ? sp.GetRequiredService<AnonymousAuthenticator>()
            : sp.GetRequiredService<BotFrameworkAuthenticator>());
        services.AddSingleton<IConnectorTokenProvider>(sp => Anonymous(sp)
            ? sp.GetRequiredService<AnonymousAuthenticator>()
            : sp.GetRequiredService<MsalConnectorTokenProvider>());
        services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName)
            .AddResilienceHandler("connector", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.ConnectorRetries),
                    ShouldHandle = args => ValueTask.FromResult(options.ConnectorRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.ConnectorRetryDelay,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(options.ConnectorTimeout);
            });
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsAnonymous)
        {
            Log.AnonymousMode(app.Logger);
        }

        app.MapGet("/healthz", (KnowledgeProvider knowledge) =>
            knowledge.IsLoaded ? Results.Text("ok") : Results.Text("loading", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapPost("/api/messages", BotEndpoint.PostAsync);
        return app;
    }

    private static bool Anonymous(IServiceProvider services) =>
        services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsAnonymous;

    /// <summary>Blob client retries stay inside the state timeout: a slow store must not hold up a turn.</summary>
    private static Azure.Storage.Blobs.BlobClientOptions BlobOptions(StateOptions state)
    {
        var options = new Azure.Storage.Blobs.BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.NetworkTimeout = state.Timeout;
        return options;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2400, Level = LogLevel.Warning, Message = "No MicrosoftAppId is set: the bot runs in anonymous development mode (for the Bot Framework Emulator); requests are not authenticated")]
        public static partial void AnonymousMode(ILogger logger);
    }
}
