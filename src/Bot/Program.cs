using CareerBot.Bot;
using CareerBot.Bot.Cli;

if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.Out, Console.Error);
}

// The slim builder: no IIS integration, HTTP/3, EventLog/EventSource/Debug loggers or hosting-startup
// assemblies, which a Linux service behind a proxy never uses and which each cost memory for as
// long as the bot runs. HTTPS endpoints in the Kestrel settings still work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddCareerBot();
var app = builder.Build();
app.MapBotEndpoints();
app.Run();
return 0;

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program;
