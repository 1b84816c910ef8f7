using System.Globalization;
using System.Threading.RateLimiting;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Channels.DirectLine;
using CareerBot.Bot.Channels.Slack;
using CareerBot.Bot.Channels.WebChat;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Http;
using CareerBot.Bot.State;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
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
        services.AddOptionsWithValidateOnStart<DirectLineOptions, DirectLineOptionsValidator>().Bind(configuration.GetSection("DirectLine"));
        services.AddOptionsWithValidateOnStart<SlackOptions, SlackOptionsValidator>().Bind(configuration.GetSection("Slack"));
        services.AddOptionsWithValidateOnStart<BotAuthenticationOptions>().Bind(configuration).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<TelemetryOptions, TelemetryOptionsValidator>().Bind(configuration.GetSection(TelemetryOptions.Section));
        services.AddOptionsWithValidateOnStart<HostingOptions, HostingOptionsValidator>().Bind(configuration.GetSection("Hosting"));
        services.AddSingleton<IValidateOptions<HostingOptions>, ScaleOutCheck>();

        // Direct Line stream URLs carry their token as ?t=: no log line does, whatever the logging configuration.
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(static sp => new TokenRedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KnowledgeProvider>();
        services.AddHostedService<KnowledgeLoaderService>();
        services.AddOptionsWithValidateOnStart<ReloadOptions, ReloadOptionsValidator>().Bind(configuration.GetSection("Reload"));
        services.AddSingleton<KnowledgeReloadService>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloadService>());

        services.AddSingleton<IStateStorage>(sp =>
        {
            var state = sp.GetRequiredService<IOptions<StateOptions>>().Value;
            return string.IsNullOrWhiteSpace(state.BlobConnectionString)
                ? ActivatorUtilities.CreateInstance<MemoryStateStorage>(sp)
                : BlobStorage(state);
        });
        services.AddSingleton<ConversationStateStore>();
        services.AddOptionsWithValidateOnStart<TranscriptOptions, TranscriptOptionsValidator>().Bind(configuration.GetSection("Transcripts"));
        services.AddSingleton<UserThrottle>();
        services.AddSingleton<ConversationQueue>();
        services.AddOptionsWithValidateOnStart<TurnLogOptions, TurnLogOptionsValidator>().Bind(configuration.GetSection("TurnLog"));
        services.AddOperationalData(configuration);
        services.AddSingleton<IReplyRenderer, AdaptiveCardRenderer>();
        services.AddSingleton<IReplyRenderer, TeamsRenderer>();
        services.AddSingleton<IReplyRenderer, WebChatRenderer>();
        services.AddSingleton<IReplyRenderer, SlackRenderer>();
        services.AddSingleton<RendererSelector>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<Votes>();
        services.AddSingleton<TurnCore>();
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<ActivityReader>();
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        AddTelemetry(services, configuration);

        // No app id: anonymous development mode. Otherwise every request needs a valid JWT.
        services.AddSingleton<AnonymousAuthenticator>();
        services.AddHttpClient(BotFrameworkAuthenticator.HttpClientName).NoRedirects();
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName).NoRedirects();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<MsalConnectorTokenProvider>();
        services.AddSingleton<IBotAuthenticator>(sp => Anonymous(sp)
            ? sp.GetRequiredService<AnonymousAuthenticator>()
            : sp.GetRequiredService<BotFrameworkAuthenticator>());
        services.AddSingleton<IConnectorTokenProvider>(sp => Anonymous(sp)
            ? sp.GetRequiredService<AnonymousAuthenticator>()
            : sp.GetRequiredService<MsalConnectorTokenProvider>());
        services.AddSingleton<ConnectorClient>();
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .NoRedirects()
            .AddResilienceHandler("connector", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
                OutboundRetries(pipeline, options.ConnectorRetries, options.ConnectorRetryDelay, options.ConnectorTimeout);
            });
        AddDirectLine(services);
        AddSlack(services);

        // What each endpoint's handler takes (Http/Handler.cs): singletons, made once.
        services.AddSingleton<TurnSlots>();
        services.AddSingleton<BotEndpointServices>();
        services.AddSingleton<DirectLineServices>();
        services.AddSingleton<SlackServices>();
        services.AddSingleton<WebChatTokenServices>();
        return builder;
    }

    /// <summary>
    /// OpenTelemetry, only when Telemetry:Enabled: the CareerBot trace source and meter (with
    /// ASP.NET Core's and HttpClient's, so a turn sits under its request and a reply over its
    /// Connector call), exported over OTLP when an endpoint is set. Off, nothing is registered
    /// and the instruments cost a null check. Logs keep their providers: no OpenTelemetry logger.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!telemetry.Enabled)
        {
            return;
        }

        AddOpenTelemetry(services, telemetry);
    }

    /// <summary>
    /// A method of its own, so OpenTelemetry's assemblies are loaded only by a bot that turns telemetry
    /// on: a method that names their types loads them when it is compiled, even if it returns first.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IServiceCollection services, TelemetryOptions telemetry)
    {
        var endpoint = Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var uri) ? uri : null;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                string.IsNullOrWhiteSpace(telemetry.ServiceName) ? "careerbot" : telemetry.ServiceName,
                serviceVersion: typeof(BotServiceCollectionExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddSource(KnowledgeTelemetry.Name, "Microsoft.AspNetCore", "System.Net.Http");
                if (endpoint is not null)
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http");
                if (endpoint is not null)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
    }

    /// <summary>The Slack Events API adapter: its queue and worker, event de-duplication, and the Web API client.</summary>
    /// <summary>
    /// Every outbound client carries a secret (a bearer token, the Slack bot token, the Direct Line
    /// secret, the app's client secret): a call goes to the address it was made for or fails, and a
    /// 3xx is an answer, never a second request to wherever <c>Location</c> points.
    /// </summary>
    private static IHttpClientBuilder NoRedirects(this IHttpClientBuilder client) =>
        client.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });

    private static void AddSlack(IServiceCollection services)
    {
        services.AddSingleton<SlackTurnQueue>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackApiClient>();
        services.AddHostedService<SlackTurnWorker>();
        services.AddHttpClient(SlackApiClient.HttpClientName)
            .NoRedirects()
            .AddResilienceHandler("slack", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
                OutboundRetries(pipeline, options.ApiRetries, options.ApiRetryDelay, options.ApiTimeout);
            });
    }

    /// <summary>The embedded Direct Line channel, the careers page's token endpoint, its CORS and rate limit.</summary>
    private static void AddDirectLine(IServiceCollection services)
    {
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineTokens>();
        services.AddHttpClient(WebChatTokenEndpoint.AzureClientName).NoRedirects();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<DirectLineOptions>>((cors, directLine) => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .WithOrigins([.. directLine.Value.AllowedOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = static (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(WebChatTokenEndpoint.RateLimitPolicy, static http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsAnonymous)
        {
            Log.AnonymousMode(app.Logger);
        }

        app.MapGet("/healthz", static http =>
            http.RequestServices.GetRequiredService<KnowledgeProvider>().IsLoaded
                ? Results.Text("ok").ExecuteAsync(http)
                : Results.Text("loading", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http));
        UseCareersPage(app);
        UseCors(app);
        app.UseRateLimiter();
        app.UseWebSockets();

        app.MapPost("/api/messages", Handler.With<BotEndpointServices, IResult>(BotEndpoint.PostAsync));
        app.MapDirectLine();
        app.MapSlack();
        app.MapPost(WebChatTokenEndpoint.Route, Handler.With<WebChatTokenServices, Results<Ok<WebChatToken>, ProblemHttpResult>>(WebChatTokenEndpoint.PostAsync))
            .RequireCors(DirectLineEndpoints.CorsPolicy)
            .RequireRateLimiting(WebChatTokenEndpoint.RateLimitPolicy);
        return app;
    }

    /// <summary>
    /// ASP.NET Core's CORS middleware (for the Direct Line endpoints' policy), made by hand.
    /// <c>UseCors()</c> binds it by reflection, and because its Invoke takes a service beside the
    /// context, that compiles an expression tree: the last thing that loaded System.Linq.Expressions
    /// once the endpoints were plain request delegates (Http/Handler.cs).
    /// </summary>
    private static void UseCors(WebApplication app) =>
        app.Use(next =>
        {
            var cors = new Microsoft.AspNetCore.Cors.Infrastructure.CorsMiddleware(
                next, app.Services.GetRequiredService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>(), app.Services.GetRequiredService<ILoggerFactory>());
            return http => cors.Invoke(http, http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider>());
        });

    /// <summary>
    /// The careers page and the Web Chat bundle, from the "Page" folder next to the executable
    /// (so it does not depend on the working directory), with a content security policy that
    /// lets the page talk only to this site (and Azure's Direct Line endpoint when the page uses
    /// it), no referrer, and HSTS when served over HTTPS.
    /// </summary>
    private static void UseCareersPage(WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Page");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = static context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    var directLine = context.Context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
                    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                        + $"connect-src {ConnectSources(context.Context.Request, directLine)}; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
                    headers.CacheControl = "no-cache";
                }
            },
        });
    }

    /// <summary>
    /// Where the page may connect: its own origin ('self'), the same origin's WebSocket (ws: or wss:
    /// to this host, for browsers whose 'self' does not cover WebSockets) and, when the page uses
    /// Azure's Direct Line, that endpoint's origin over https and wss. Never any other host.
    /// </summary>
    internal static string ConnectSources(HttpRequest request, DirectLineOptions directLine)
    {
        var sources = new List<string> { "'self'" };
        var host = request.Host.Value;
        if (!string.IsNullOrEmpty(host) && host.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']'))
        {
            sources.Add((request.IsHttps ? "wss://" : "ws://") + host);
        }

        if (!string.IsNullOrEmpty(directLine.AzureSecret) && Uri.TryCreate(directLine.AzureEndpoint, UriKind.Absolute, out var azure))
        {
            sources.Add("https://" + azure.Authority);
            sources.Add("wss://" + azure.Authority);
        }

        return string.Join(' ', sources);
    }

    /// <summary>
    /// Calls to a channel's API (Connector, Slack): 429, 5xx and timeouts retried with jittered
    /// exponential backoff, honouring Retry-After, within a bounded budget; each try timed out.
    /// </summary>
    private static void OutboundRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, int retries, TimeSpan delay, TimeSpan timeout)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, retries),
            ShouldHandle = args => ValueTask.FromResult(retries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = delay,
            ShouldRetryAfterHeader = true,
        });
        pipeline.AddTimeout(timeout);
    }

    private static bool Anonymous(IServiceProvider services) =>
        services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsAnonymous;

    /// <summary>
    /// A method of its own, so the Azure SDK's assemblies are loaded only by a bot that keeps its
    /// state in Blob storage (a lambda naming their types loads them when it is compiled).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IStateStorage BlobStorage(StateOptions state) =>
        new BlobStateStorage(new Azure.Storage.Blobs.BlobContainerClient(state.BlobConnectionString, state.BlobContainer, BlobOptions(state)));

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
