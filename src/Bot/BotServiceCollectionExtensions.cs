using CareerBot.Knowledge;

namespace CareerBot.Bot;

/// <summary>The bot's composition: options, knowledge, endpoints.</summary>
internal static class BotServiceCollectionExtensions
{
    public static WebApplicationBuilder AddCareerBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<KnowledgeOptions>()
            .Bind(builder.Configuration.GetSection("Knowledge"))
            .ValidateDataAnnotations()
            .PostConfigure(options => KnowledgePaths.Resolve(options));
        builder.Services.AddSingleton<KnowledgeProvider>();
        builder.Services.AddHostedService<KnowledgeLoaderService>();
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", (KnowledgeProvider knowledge) =>
            knowledge.IsLoaded ? Results.Text("ok") : Results.Text("loading", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
