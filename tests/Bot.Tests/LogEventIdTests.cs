using System.Reflection;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Knowledge;
using Microsoft.Extensions.Logging;

namespace CareerBot.Bot.Tests;

/// <summary>Every log event id names one event: operators filter and alert on them, so two events must never share one.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_InTheBotAndKnowledgeAssemblies_HaveUniqueEventIds()
    {
        var events = new[] { typeof(TurnHandler).Assembly, typeof(KnowledgeSnapshot).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .Select(e => (e.Attribute!.EventId, Name: $"{e.Method.DeclaringType!.FullName}.{e.Method.Name}"))
            .ToList();

        var shared = events.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}");

        Assert.True(events.Count > 30, $"only {events.Count} logger messages found");
        Assert.Empty(shared);
    }
}
