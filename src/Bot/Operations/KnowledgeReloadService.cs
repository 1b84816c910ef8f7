using CareerBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Swaps in a new knowledge snapshot while the bot serves traffic. File events (a new index or
/// model from the <c>index</c>/<c>train</c> verbs, or, when enabled, an edited guide, intent or
/// synonym file) are debounced, the snapshot is loaded beside the current one (rebuilding what
/// is stale), then made current in one atomic exchange: a turn reads the snapshot once, so it
/// sees the old version or the new one, never a mix. A load that fails leaves the current
/// snapshot serving. The replaced snapshot is disposed after <see cref="ReloadOptions.RetireAfter"/>.
/// </summary>
internal sealed partial class KnowledgeReloadService(
    KnowledgeProvider provider,
    IOptions<KnowledgeOptions> knowledge,
    IOptions<ReloadOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ILogger _logger = loggers.CreateLogger<KnowledgeReloadService>();
    private readonly List<FileSystemWatcher> _watchers = [];

    // Set when a knowledge-base file changed since the last reload: only then may the reload rebuild
    // the index or retrain the model. A new index or model alone is loaded as it is, or not at all.
    private int _knowledgeBaseEdited;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Watching starts after the first load, so a reload cannot race it.
        try
        {
            await provider.WhenLoaded.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (KnowledgeBaseException)
        {
            return; // the first load failed and was logged; the bot is stopping
        }

        var settings = options.Value;
        var paths = knowledge.Value;
        if (settings.OnDataChange && Directory.Exists(paths.DataPath))
        {
            // Names only: `index` and `train` write a temporary file and rename it into place, and the
            // turn log and feedback store write to this folder on every turn, so watching writes
            // here would wake the watcher thread for each of them (about 4% of the CPU under load).
            Watch(paths.DataPath, includeSubdirectories: false, NotifyFilters.FileName, name => name == Path.GetFileName(paths.ModelPath), knowledgeBase: false);

            // The Lucene index folder: `index` commits a new generation by writing segments_N and
            // segments.gen; the files it writes before are not worth a wake-up.
            if (Directory.Exists(paths.IndexPath))
            {
                Watch(paths.IndexPath, includeSubdirectories: false, NotifyFilters.FileName, name => name.StartsWith("segments", StringComparison.Ordinal), knowledgeBase: false);
            }
        }

        if (settings.WatchKnowledgeBase && Directory.Exists(paths.BasePath))
        {
            Watch(paths.BasePath, includeSubdirectories: true, NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size, IsKnowledgeFile, knowledgeBase: true);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _signal.WaitAsync(stoppingToken).ConfigureAwait(false);

                // Debounce: wait until the files have been quiet for a moment.
                do
                {
                    await Task.Delay(settings.Debounce, time, stoppingToken).ConfigureAwait(false);
                }
                while (_signal.Wait(0, CancellationToken.None));

                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _signal.Dispose();
        base.Dispose();
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        KnowledgeSnapshot snapshot;
        try
        {
            // After a knowledge-base edit, loading may rebuild the index or retrain the model; the files
            // it writes signal again, and the next load finds everything fresh and stops there. After a
            // new index or model alone it loads them as they are: one that does not match this bot's
            // files and settings (another version sharing the folder) fails the reload, and is not
            // written over, so two versions cannot retrain over each other's model in turn.
            var rebuild = Interlocked.Exchange(ref _knowledgeBaseEdited, 0) == 1;
            snapshot = await Task.Run(() => new KnowledgeLoader(knowledge.Value, loggers.CreateLogger("CareerBot.Knowledge")).LoadWarm(rebuild), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KnowledgeBaseException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.ReloadFailed(_logger, ex.Message);
            return;
        }

        var previous = provider.Swap(snapshot);
        Log.Reloaded(_logger, snapshot.Passages.Count, snapshot.ContentHash[..Math.Min(12, snapshot.ContentHash.Length)]);
        if (previous is not null)
        {
            _ = RetireAsync(previous, cancellationToken);
        }
    }

    private async Task RetireAsync(KnowledgeSnapshot previous, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.Value.RetireAfter, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        previous.Dispose();
    }

    /// <summary>A guide, intent or synonym file (the name relative to the knowledge base); drafts are not live, so editing one reloads nothing.</summary>
    internal static bool IsKnowledgeFile(string name) =>
        (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        && !name.Replace('\\', '/').StartsWith("drafts/", StringComparison.Ordinal);

    private void Watch(string folder, bool includeSubdirectories, NotifyFilters changes, Func<string, bool> relevant, bool knowledgeBase)
    {
        try
        {
            StartWatching(folder, includeSubdirectories, changes, relevant, knowledgeBase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Out of inotify instances, or a file system without change notifications: the bot keeps
            // serving what it has; a restart picks up new files.
            Log.CannotWatch(_logger, folder, ex.Message);
        }
    }

    private void StartWatching(string folder, bool includeSubdirectories, NotifyFilters changes, Func<string, bool> relevant, bool knowledgeBase)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = changes,
        };
        void OnEvent(string? name)
        {
            if (name is not null && relevant(name))
            {
                if (knowledgeBase)
                {
                    Volatile.Write(ref _knowledgeBaseEdited, 1);
                }

                Signal();
            }
        }

        watcher.Changed += (_, e) => OnEvent(e.Name);
        watcher.Created += (_, e) => OnEvent(e.Name);
        watcher.Deleted += (_, e) => OnEvent(e.Name);
        watcher.Renamed += (_, e) => OnEvent(e.Name);
        _watchers.Add(watcher);
        watcher.EnableRaisingEvents = true;
    }

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A reload is already pending.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Knowledge reloaded while serving: {Passages} passages, content {Hash}")]
        public static partial void Reloaded(ILogger logger, int passages, string hash);

        [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Cannot watch {Folder} for knowledge updates ({Problem}); restart the bot to pick up new files")]
        public static partial void CannotWatch(ILogger logger, string folder, string problem);

        [LoggerMessage(EventId = 1021, Level = LogLevel.Error, Message = "Knowledge reload failed; the previous version keeps serving: {Problem}")]
        public static partial void ReloadFailed(ILogger logger, string problem);
    }
}
