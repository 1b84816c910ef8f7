using System.Text.RegularExpressions;

namespace CareerBot.Bot.Tests;

/// <summary>
/// The Bot project's folders depend on each other one way only: a folder is read after the
/// folders it uses, never in a loop. Read from the sources: every <c>CareerBot.Bot.X</c> a file
/// names (usings, aliases, qualified names) is an edge from its folder to X; each channel under
/// <c>Channels/</c> is a folder of its own. The project root (Program and the service registration,
/// which wire every folder together) is left out.
/// </summary>
public sealed partial class FolderDependencyTests
{
    [Fact]
    public void BotFolders_HaveNoDependencyCycle()
    {
        var graph = Graph();

        var cycles = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var path = new Stack<string>();
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            Visit(node);
        }

        Assert.True(graph.Count >= 8, $"only {graph.Count} folders found");
        Assert.Empty(cycles);

        void Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                cycles.Add(string.Join(" -> ", path.Reverse().SkipWhile(n => n != node).Append(node)));
                return;
            }

            state[node] = 1;
            path.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                Visit(next);
            }

            path.Pop();
            state[node] = 2;
        }
    }

    private static Dictionary<string, HashSet<string>> Graph()
    {
        var source = Path.Combine(DeploymentSettings.RepositoryRoot(), "src", "Bot");
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar);
            if (parts.Length < 2 || parts[0] is "bin" or "obj")
            {
                continue; // the project root, or build output
            }

            var folder = Node(parts[0], parts.Length > 2 ? parts[1] : null);
            var edges = graph.TryGetValue(folder, out var known) ? known : graph[folder] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match reference in Reference().Matches(File.ReadAllText(file)))
            {
                var target = Node(reference.Groups["first"].Value, reference.Groups["second"].Success ? reference.Groups["second"].Value : null);
                if (target != folder)
                {
                    edges.Add(target);
                }
            }
        }

        return graph;
    }

    private static string Node(string first, string? second) => first == "Channels" && second is not null ? $"Channels/{second}" : first;

    [GeneratedRegex(@"CareerBot\.Bot\.(?<first>[A-Z][A-Za-z]*)(?:\.(?<second>[A-Z][A-Za-z]*))?")]
    private static partial Regex Reference();
}
