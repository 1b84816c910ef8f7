using CareerBot.Bot;
using CareerBot.Bot.Cli;

if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCareerBot();
var app = builder.Build();
app.MapBotEndpoints();
app.Run();
return 0;

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program;
