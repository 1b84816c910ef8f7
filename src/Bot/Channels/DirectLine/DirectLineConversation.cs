using System.Globalization;
using CareerBot.Bot.Protocol;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: its bounded feed of activities (the user's own, echoed, and
/// the bot's), numbered so a watermark says what a client has seen, and a signal that wakes
/// streams when something is added.
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Sequence, Activity Activity)> _feed = new();
    private readonly int _capacity;
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stream;

    public DirectLineConversation(string id, string channelId, ChannelAccount user, int capacity, DateTimeOffset now)
    {
        Id = id;
        ChannelId = channelId;
        User = user;
        _capacity = capacity;
        LastActive = now;
    }

    public string Id { get; }

    /// <summary>"webchat" for the careers page, "directline" for other clients.</summary>
    public string ChannelId { get; }

    public ChannelAccount User { get; }

    public DateTimeOffset LastActive { get; private set; }

    /// <summary>Set once the client has started the conversation (and the bot has been told).</summary>
    public bool Started { get; private set; }

    /// <summary>Completes when an activity is added or the conversation ends.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public bool Ended { get; private set; }

    /// <summary>Marks the conversation started; false when it already was.</summary>
    public bool Start()
    {
        lock (_lock)
        {
            var first = !Started;
            Started = true;
            return first;
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_lock)
        {
            LastActive = now;
        }
    }

    /// <summary>Adds an activity to the feed with its id ("{conversation}|{n}") and timestamp.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        Activity stored;
        lock (_lock)
        {
            _sequence++;
            stored = activity with
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{_sequence:D7}"),
                Timestamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            };
            _feed.AddLast((_sequence, stored));
            while (_feed.Count > _capacity)
            {
                _feed.RemoveFirst();
            }

            LastActive = now;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return stored;
    }

    /// <summary>The activities after <paramref name="watermark"/> and the watermark that follows them.</summary>
    public (List<Activity> Activities, long Watermark) Since(long watermark)
    {
        lock (_lock)
        {
            var activities = new List<Activity>();
            foreach (var (sequence, activity) in _feed)
            {
                if (sequence > watermark)
                {
                    activities.Add(activity);
                }
            }

            return (activities, Math.Max(watermark, _sequence));
        }
    }

    /// <summary>
    /// Registers a new WebSocket stream; the previous one (if any) is told to close, so a
    /// conversation holds one stream at a time, as Azure's Direct Line does.
    /// </summary>
    public CancellationToken OpenStream()
    {
        CancellationTokenSource? previous;
        var current = new CancellationTokenSource();
        lock (_lock)
        {
            previous = _stream;
            _stream = current;
        }

        previous?.Cancel();
        previous?.Dispose();
        return current.Token;
    }

    /// <summary>Ends the conversation: streams close and waiting clients wake up.</summary>
    public void End()
    {
        TaskCompletionSource changed;
        CancellationTokenSource? stream;
        lock (_lock)
        {
            Ended = true;
            changed = _changed;
            stream = _stream;
            _stream = null;
        }

        changed.TrySetResult();
        stream?.Cancel();
        stream?.Dispose();
    }
}
