using CareerBot.Bot;
using CareerBot.Bot.Cli;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using Microsoft.Extensions.Options;

StartupTimeline.Current.Mark("runtime started, Main entered");
return CliApp.Run(args, Console.Out, Console.Error, serve: Program.Serve);

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program
{
    /// <summary>Runs the bot service until it is stopped (the <c>serve</c> verb, and the default without one).</summary>
    internal static int Serve(string[] args)
    {
        StartupTimeline.Current.Mark("Main to serve");

        // The slim builder: no IIS integration, HTTP/3, EventLog/EventSource/Debug loggers or hosting-startup
        // assemblies, which a Linux service behind a proxy never uses and which each cost memory for as
        // long as the bot runs. HTTPS endpoints in the Kestrel settings still work.
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        StartupTimeline.Current.Mark("host builder created");
        builder.AddCareerBot();
        var app = builder.Build();
        StartupTimeline.Current.LogTo(app.Services.GetRequiredService<ILoggerFactory>());
        StartupTimeline.Current.Mark("host built");

        // Settings first: a bad one is then one line naming its key (the serve verb prints it), not a failed host start with a stack trace.
        app.Services.GetService<IStartupValidator>()?.Validate();
        StartupTimeline.Current.Mark("settings validated");
        app.MapBotEndpoints();
        var knowledge = app.Services.GetRequiredService<KnowledgeProvider>();
        knowledge.WhenLoaded.ContinueWith(static _ => StartupTimeline.Current.Mark("knowledge loaded"), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        app.Lifetime.ApplicationStarted.Register(static () => StartupTimeline.Current.Mark("server started"));
        app.Run();

        // A knowledge base with mistakes stops the bot after logging them (KnowledgeLoaderService).
        return knowledge.WhenLoaded.IsFaulted ? 1 : 0;
    }
}
