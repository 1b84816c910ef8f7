using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Channels.DirectLine;
using CareerBot.Bot.Operations;
using CareerBot.Bot.State;
using CareerBot.Knowledge;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests;

/// <summary>
/// Every setting the Dockerfile, infra/main.bicep and the README's <c>docker run</c> hand to the
/// bot must be a key the bot reads. A misspelt one is not an error at start: it is ignored and the
/// default silently used, so this is where it gets caught.
/// </summary>
public sealed class DeploymentDriftTests
{
    [Fact]
    public void DeploymentFiles_EverySettingPassed_IsAKeyTheBotReads()
    {
        var root = DeploymentSettings.RepositoryRoot();
        var docker = DeploymentSettings.FromDockerfile(File.ReadAllText(Path.Combine(root, "Dockerfile")));
        var bicep = DeploymentSettings.FromBicep(File.ReadAllText(Path.Combine(root, "infra", "main.bicep")));
        var readme = DeploymentSettings.FromCommandLines(File.ReadAllText(Path.Combine(root, "README.md")));

        // The parsers found what each file is there to pass (an empty parse would prove nothing).
        Assert.Contains("Knowledge:DataPath", docker);
        Assert.Contains("MicrosoftAppPassword", docker);
        Assert.Contains("State:BlobConnectionString", bicep);
        Assert.Contains("Operations:TablesConnectionString", bicep);
        Assert.Contains("Hosting:Instances", bicep);
        Assert.Contains("MicrosoftAppPassword", bicep);
        Assert.Contains("MicrosoftAppPassword", readme);

        Assert.Empty(DeploymentSettings.Unknown([.. docker, .. bicep, .. readme]));
    }

    [Fact]
    public void Unknown_MisspeltOrUnboundKeys_AreReported()
    {
        const string dockerfile = """
            FROM base
            ENV Bot__MaxBodyByte=1024 \
                Knowledge__DataPath="/data dir"
            env State__BlobContainer careerbot-state
            # docker run -e MicrosoftAppId -e DirectLine__Secrets=x --env=Logging__LogLevel__Default=Debug image
            ENTRYPOINT ["dotnet", "CareerBot.Bot.dll", "--Bot:MaxConcurrentTurns=8", "--Transcript:Enabled", "true", "--urls", "http://+:80"]
            RUN dotnet CareerBot.Bot.dll ask "what is it" --json
            """;
        const string bicep = """
            resource other 'x' = { name: 'not-a-setting' }
            siteConfig: {
              appSettings: [
                {
                  name: 'Knowledge__Retrieval__MaxViews'
                  value: storage.listKeys().keys[0].value
                }
                {
                  name: 'DirectLine__AllowedOrigins__0'
                  value: 'https://example.org'
                }
                {
                  name: 'MicrosoftAppPasword'
                  value: secret
                }
              ]
            }
            """;

        var docker = DeploymentSettings.FromDockerfile(dockerfile);
        var app = DeploymentSettings.FromBicep(bicep);

        Assert.Equal(
            ["Bot:MaxBodyByte", "Knowledge:DataPath", "State:BlobContainer", "MicrosoftAppId", "DirectLine:Secrets", "Logging:LogLevel:Default",
             "Bot:MaxConcurrentTurns", "Transcript:Enabled", "urls"],
            docker);
        Assert.Equal(["Knowledge:Retrieval:MaxViews", "DirectLine:AllowedOrigins:0", "MicrosoftAppPasword"], app);
        Assert.Equal(["Bot:MaxBodyByte", "DirectLine:Secrets", "Transcript:Enabled", "MicrosoftAppPasword"], DeploymentSettings.Unknown([.. docker, .. app]));
    }

    [Fact]
    public async Task SectionTable_MatchesWhereTheBotBindsEachOptionsClass()
    {
        // One setting per options class, read back through the bot's own composition: a section
        // renamed in AddCareerBot but not in DeploymentSettings.Sections fails here.
        var samples = new Dictionary<string, string?>
        {
            ["Knowledge:MaxSuggestions"] = "7",
            ["Knowledge:Retrieval:MaxViews"] = "2",
            ["Bot:MaxAttachments"] = "7",
            ["State:BlobContainer"] = "drift-check",
            ["DirectLine:MaxConversations"] = "7",
            ["Transcripts:Enabled"] = "True",
            ["Operations:TurnsTable"] = "driftcheck",
            ["Hosting:Instances"] = "1",
            ["MicrosoftAppType"] = "SingleTenant",
        };
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(samples);
        builder.AddCareerBot();
        await using var app = builder.Build();

        var notBound = samples
            .Select(sample => (sample.Key, Bound: DeploymentSettings.ReadBound(app.Services, sample.Key), Set: sample.Value))
            .Where(sample => sample.Bound != sample.Set)
            .Select(sample => $"{sample.Key}: set {sample.Set}, bound {sample.Bound}");

        Assert.Empty(notBound);
        Assert.Equal(DeploymentSettings.Sections.Count, samples.Keys.Select(DeploymentSettings.OptionsFor).Distinct().Count());
    }
}

/// <summary>
/// Reads the settings deployment files pass to the bot (as configuration paths, <c>A__B</c> as
/// <c>A:B</c>) and checks them against the keys the bot's options classes bind.
/// </summary>
internal static partial class DeploymentSettings
{
    /// <summary>Where BotServiceCollectionExtensions.AddCareerBot binds each options class ("" is the root).</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        ("Knowledge", typeof(KnowledgeOptions)),
        ("Bot", typeof(BotOptions)),
        ("State", typeof(StateOptions)),
        ("DirectLine", typeof(DirectLineOptions)),
        ("Transcripts", typeof(TranscriptOptions)),
        ("Operations", typeof(CareerBot.Bot.Operations.OperationsOptions)),
        ("Hosting", typeof(HostingOptions)),
        (string.Empty, typeof(BotAuthenticationOptions)),
    ];

    /// <summary>Host and framework keys the bot does not bind itself but the platform reads.</summary>
    private static readonly HashSet<string> FrameworkKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT",
    };

    private static readonly string[] FrameworkPrefixes = ["DOTNET_", "Logging:"];

    private static readonly (HashSet<string> Keys, HashSet<string> Lists) Known = BuildKnown();

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CareerBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CareerBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>ENV instructions, plus what <see cref="FromCommandLines"/> finds, in file order.</summary>
    public static List<string> FromDockerfile(string text)
    {
        var keys = new List<string>();
        foreach (var line in LogicalLines(text))
        {
            var env = EnvInstruction().Match(line);
            if (env.Success)
            {
                var tokens = Tokens(env.Groups["rest"].Value);
                if (tokens.Count > 0 && !tokens[0].Contains('=', StringComparison.Ordinal))
                {
                    keys.Add(ToPath(tokens[0])); // legacy form: ENV key value
                }
                else
                {
                    keys.AddRange(tokens.Select(t => ToPath(t.Split('=')[0])));
                }
            }

            keys.AddRange(CommandLineKeys(line));
        }

        return keys;
    }

    /// <summary><c>-e KEY[=value]</c> / <c>--env KEY</c> arguments, and <c>--Key</c> settings after CareerBot.Bot.dll.</summary>
    public static List<string> FromCommandLines(string text) => [.. LogicalLines(text).SelectMany(CommandLineKeys)];

    /// <summary>The <c>name: '...'</c> entries inside each <c>appSettings: [ ... ]</c> array.</summary>
    public static List<string> FromBicep(string text)
    {
        var keys = new List<string>();
        foreach (Match appSettings in BicepAppSettings().Matches(text))
        {
            var start = appSettings.Index + appSettings.Length;
            var depth = 1;
            var end = start;
            while (end < text.Length && depth > 0)
            {
                depth += text[end] switch { '[' => 1, ']' => -1, _ => 0 };
                end++;
            }

            keys.AddRange(BicepName().Matches(text[start..end]).Select(m => ToPath(m.Groups["name"].Value)));
        }

        return keys;
    }

    /// <summary>The keys no options class, list element or framework setting accounts for.</summary>
    public static List<string> Unknown(IEnumerable<string> keys) => [.. keys.Distinct(StringComparer.OrdinalIgnoreCase).Where(key => !IsKnown(key))];

    /// <summary>The options class a configuration path belongs to.</summary>
    public static Type OptionsFor(string key)
    {
        foreach (var (section, options) in Sections)
        {
            if (section.Length > 0 && key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            {
                return options;
            }
        }

        return Sections.Single(s => s.Section.Length == 0).Options;
    }

    /// <summary>The value the bot's bound options hold for <paramref name="key"/>, as invariant text.</summary>
    public static string? ReadBound(IServiceProvider services, string key)
    {
        var type = OptionsFor(key);
        var section = Sections.Single(s => s.Options == type).Section;
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
        var value = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
        var path = section.Length == 0 ? key : key[(section.Length + 1)..];
        foreach (var name in path.Split(':'))
        {
            value = value?.GetType().GetProperty(name)?.GetValue(value);
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    private static bool IsKnown(string key)
    {
        if (Known.Keys.Contains(key) || FrameworkKeys.Contains(key) || FrameworkPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // An element of a list setting: DirectLine:AllowedOrigins:0.
        var last = key.LastIndexOf(':');
        return last > 0 && key[(last + 1)..].All(char.IsAsciiDigit) && Known.Lists.Contains(key[..last]);
    }

    private static (HashSet<string> Keys, HashSet<string> Lists) BuildKnown()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in Sections)
        {
            AddProperties(section, type, keys, lists);
        }

        return (keys, lists);
    }

    /// <summary>Public settable properties, recursing into nested option objects (Knowledge:Retrieval, Knowledge:Trainer).</summary>
    private static void AddProperties(string prefix, Type type, HashSet<string> keys, HashSet<string> lists)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = prefix.Length == 0 ? property.Name : prefix + ":" + property.Name;
            keys.Add(key);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType == typeof(string) || !propertyType.IsClass)
            {
                continue;
            }

            if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                lists.Add(key);
            }
            else
            {
                AddProperties(key, propertyType, keys, lists);
            }
        }
    }

    private static IEnumerable<string> CommandLineKeys(string line)
    {
        foreach (Match env in EnvArgument().Matches(line))
        {
            yield return ToPath(env.Groups["key"].Value);
        }

        // Settings on the bot's own command line; after a verb (ask, index, ...) the options are the verb's.
        var dll = line.IndexOf("CareerBot.Bot.dll", StringComparison.Ordinal);
        if (dll < 0)
        {
            yield break;
        }

        // The rest of the line, past the quote that closes the name in an exec-form JSON array.
        var rest = line[(dll + "CareerBot.Bot.dll".Length)..].TrimStart('"', '\'');
        var arguments = Tokens(rest.Replace('[', ' ').Replace(']', ' ').Replace(',', ' '));
        if (arguments.Count == 0 || !arguments[0].StartsWith("--", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var argument in arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            yield return ToPath(argument[2..].Split('=')[0]);
        }
    }

    private static string ToPath(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Lines with their backslash continuations joined, as Docker and shells read them.</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.EndsWith('\\'))
            {
                current.Append(line[..^1]).Append(' ');
                continue;
            }

            yield return current.Append(line).ToString();
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Whitespace-separated words; quotes group and are dropped.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    token.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (token.Length > 0)
                {
                    tokens.Add(token.ToString());
                    token.Clear();
                }
            }
            else
            {
                token.Append(c);
            }
        }

        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    [GeneratedRegex(@"^\s*ENV\s+(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnvInstruction();

    [GeneratedRegex(@"(?<![\w-])(?:-e|--env)(?:\s+|=)(?<key>[A-Za-z_][A-Za-z0-9_.:]*)")]
    private static partial Regex EnvArgument();

    [GeneratedRegex(@"\bappSettings\s*:\s*\[")]
    private static partial Regex BicepAppSettings();

    [GeneratedRegex(@"\bname\s*:\s*'(?<name>[^']+)'")]
    private static partial Regex BicepName();
}
