using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests;

/// <summary>
/// The bot as its own process, as it is deployed: with every default setting it loads nothing it does
/// not use. Each assembly it loads is memory for as long as it runs and time at every start.
/// </summary>
public sealed class ProcessFootprintTests
{
    [Fact]
    public async Task DefaultSettings_AfterAnAnswer_NoTelemetryOrAzureAssemblyIsLoaded()
    {
        using var kb = new TempKnowledgeBase();
        var data = Path.Combine(Path.GetTempPath(), "careerbot-footprint-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "CareerBot.Bot.dll"), "--urls", "http://127.0.0.1:0",
            "--Knowledge:BasePath", kb.BasePath, "--Knowledge:DataPath", data, "--Knowledge:Trainer:Folds", "2", "--Reload:OnDataChange", "false"])
        {
            info.ArgumentList.Add(argument);
        }

        using var bot = Process.Start(info)!;
        var output = new StringBuilder();
        bot.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        bot.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        try
        {
            // Port 0: the bot binds a free port itself and logs it (a port chosen free here could be taken first).
            var waiting = Stopwatch.StartNew();
            string? address = null;
            try
            {
                await Poll.UntilAsync(() => bot.HasExited || (address = ListeningAddress(output)) is not null, TimeSpan.FromSeconds(90), "the bot to listen");
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException($"{timeout.Message}; its output: {output}", timeout);
            }

            Assert.False(bot.HasExited, $"the bot exited: {output}");
            using var client = new HttpClient { BaseAddress = new Uri(address!) };
            HttpResponseMessage? answered = null;
            while (answered is null)
            {
                Assert.False(bot.HasExited, $"the bot exited: {output}");
                Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(90), $"no answer within 90 s: {output}");
                try
                {
                    using var body = new StringContent(
                        """{"type":"message","id":"a1","channelId":"webchat","serviceUrl":"http://127.0.0.1:1/","from":{"id":"u1"},"recipient":{"id":"b1"},"conversation":{"id":"c1"},"text":"What does the role involve?","deliveryMode":"expectReplies"}""",
                        Encoding.UTF8,
                        "application/json");
                    var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), body);
                    answered = response.StatusCode == HttpStatusCode.OK ? response : null;
                }
                catch (HttpRequestException)
                {
                }

                if (answered is null)
                {
                    await Task.Delay(50);
                }
            }

            Assert.Contains("\"replyToId\":\"a1\"", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var mapped = File.ReadAllLines($"/proc/{bot.Id.ToString(CultureInfo.InvariantCulture)}/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty)
                .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
                .Select(Path.GetFileName)
                .Distinct()
                .ToList();

            // What answering does load: the check can see assemblies at all.
            Assert.Contains("CareerBot.Knowledge.dll", mapped);
            Assert.Contains("Microsoft.ML.Data.dll", mapped);
            Assert.DoesNotContain(mapped, name => name!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
            Assert.DoesNotContain(mapped, name => name!.StartsWith("Azure.", StringComparison.Ordinal));
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    /// <summary>The address in the bot's "Now listening on: http://127.0.0.1:PORT" line, once it has logged it.</summary>
    /// <summary>
    /// The collector's settings travel with the build, in the runtimeconfig.json the runtime reads at
    /// start: workstation GC with background collections, and a gen0 budget that does not follow the
    /// host's cache size (a 260 MiB L3 let gen0 grow to 80 MiB and the peak under load by some 75 MiB).
    /// </summary>
    [Fact]
    public void RuntimeConfig_SetsTheCollectorAndCapsGen0WhateverTheHost()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CareerBot.Bot.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.True(properties.TryGetProperty("System.GC.Gen0MaxBudget", out var gen0), "no System.GC.Gen0MaxBudget in the bot's runtimeconfig.json");
        Assert.Equal(6L * 1024 * 1024, gen0.GetInt64());
    }

    private static string? ListeningAddress(StringBuilder output)
    {
        lock (output)
        {
            return Regex.Match(output.ToString(), @"Now listening on: (http://127\.0\.0\.1:\d+)") is { Success: true } listening ? listening.Groups[1].Value : null;
        }
    }
}
