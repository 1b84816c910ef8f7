using CareerBot.Bot;
using CareerBot.Bot.Cli;
using Microsoft.Extensions.Options;

return CliApp.Run(args, Console.Out, Console.Error, serve: Program.Serve);

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program
{
    /// <summary>Runs the bot service until it is stopped (the <c>serve</c> verb, and the default without one).</summary>
    internal static int Serve(string[] args)
    {
        // The slim builder: no IIS integration, HTTP/3, EventLog/EventSource/Debug loggers or hosting-startup
        // assemblies, which a Linux service behind a proxy never uses and which each cost memory for as
        // long as the bot runs. HTTPS endpoints in the Kestrel settings still work.
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.AddCareerBot();
        var app = builder.Build();

        // Settings first: a bad one is then one line naming its key (the serve verb prints it), not a failed host start with a stack trace.
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.MapBotEndpoints();
        app.Run();
        return 0;
    }
}
