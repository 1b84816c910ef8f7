namespace CareerBot.Knowledge;

/// <summary>
/// Resolves a relative knowledge-base folder against the current directory and its
/// parents (so the bot, the CLI and the tests find the repository's knowledge base from
/// any folder inside it); a relative data folder then sits beside the knowledge base.
/// </summary>
public static class KnowledgePaths
{
    public static void Resolve(KnowledgeOptions options, string? startDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var basePath = options.BasePath;
        if (!Path.IsPathRooted(basePath))
        {
            var found = FindUpwards(startDirectory ?? Directory.GetCurrentDirectory(), basePath)
                ?? FindUpwards(AppContext.BaseDirectory, basePath);
            basePath = found ?? Path.GetFullPath(basePath);
        }

        options.BasePath = basePath;
        if (!Path.IsPathRooted(options.DataPath))
        {
            options.DataPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(basePath)!, options.DataPath));
        }
    }

    private static string? FindUpwards(string start, string relative)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
