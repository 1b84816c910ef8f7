using System.Globalization;
using System.Text.Json;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: its feed of activities (the user's own, echoed, and the
/// bot's), numbered so a watermark says what a client has seen, and a signal that wakes
/// streams when something is added. The feed holds each activity as the UTF-8 JSON clients get,
/// written once when it is added, so what it accounts is what it keeps: it is bounded in
/// activities and in those bytes, oldest dropped first, and takes its bytes from the channel's
/// <see cref="DirectLineFeedBudget"/>. Posts from the client pass a token bucket first.
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Sequence, byte[] Json)> _feed = new();
    private readonly int _capacity;
    private readonly long _maxBytes;
    private readonly DirectLineFeedBudget _budget;
    private readonly DirectLineFeedBudget? _addressBudget;
    private long _sequence;
    private long _bytes;
    private double _postTokens = double.NaN;
    private DateTimeOffset _postRefilled;
    private bool _postWarned;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stream;

    /// <param name="addressBudget">The bytes the client address's feeds share, or null for a conversation no address is counted for.</param>
    public DirectLineConversation(string id, string channelId, ChannelAccount user, int capacity, long maxBytes, DirectLineFeedBudget budget, DirectLineFeedBudget? addressBudget, DateTimeOffset now)
    {
        Id = id;
        ChannelId = channelId;
        User = user;
        _capacity = capacity;
        _maxBytes = maxBytes;
        _budget = budget;
        _addressBudget = addressBudget;
        LastActive = now;
    }

    /// <summary>Bytes the feed holds now (the JSON of its activities).</summary>
    public long FeedBytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public string Id { get; }

    /// <summary>The client address it counts against (<see cref="DirectLineConversations.AddressKey"/>), or null.</summary>
    public string? Address { get; init; }

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

    /// <summary>
    /// One more post from the client, by a token bucket (<paramref name="burst"/>, refilled at
    /// <paramref name="perMinute"/>; 0 is no limit): <see cref="ThrottleVerdict.Warn"/> the first
    /// time over it, <see cref="ThrottleVerdict.Silent"/> after that until a post is allowed again.
    /// </summary>
    public ThrottleVerdict AdmitPost(DateTimeOffset now, int perMinute, int burst)
    {
        if (perMinute == 0)
        {
            return ThrottleVerdict.Allowed;
        }

        lock (_lock)
        {
            if (double.IsNaN(_postTokens))
            {
                _postTokens = burst;
                _postRefilled = now;
            }

            if (now > _postRefilled)
            {
                _postTokens = Math.Min(burst, _postTokens + ((now - _postRefilled).TotalMinutes * perMinute));
                _postRefilled = now;
            }

            if (_postTokens >= 1)
            {
                _postTokens -= 1;
                _postWarned = false;
                return ThrottleVerdict.Allowed;
            }

            var warn = !_postWarned;
            _postWarned = true;
            return warn ? ThrottleVerdict.Warn : ThrottleVerdict.Silent;
        }
    }

    /// <summary>
    /// Adds an activity to the feed with its id ("{conversation}|{n}") and timestamp, dropping the
    /// oldest activities while the feed would exceed its count or byte bound. Refused (null, with
    /// the reason) when the conversation has ended, when the activity alone exceeds the byte bound,
    /// or when the client address's or the channel's budget cannot take it even after this feed's drops.
    /// </summary>
    public Activity? TryAppend(Activity activity, DateTimeOffset now, out DirectLineFeedRefusal refusal)
    {
        TaskCompletionSource changed;
        Activity stored;
        lock (_lock)
        {
            if (Ended)
            {
                refusal = DirectLineFeedRefusal.Ended;
                return null;
            }

            stored = activity with
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{_sequence + 1:D7}"),
                Timestamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            };
            var json = JsonSerializer.SerializeToUtf8Bytes(stored, ActivityJsonContext.Default.Activity);
            long size = json.Length;
            if (size > _maxBytes)
            {
                refusal = DirectLineFeedRefusal.TooLarge;
                return null;
            }

            // What must go for this one to fit in the feed's own bounds, given back in the same step.
            var drop = 0;
            long freed = 0;
            for (var node = _feed.First; node is not null && (_feed.Count - drop >= _capacity || _bytes - freed + size > _maxBytes); node = node.Next)
            {
                drop++;
                freed += node.Value.Json.Length;
            }

            if (_addressBudget is not null && !_addressBudget.TryExchange(freed, size))
            {
                refusal = DirectLineFeedRefusal.AddressFull;
                return null;
            }

            if (!_budget.TryExchange(freed, size))
            {
                _addressBudget?.Revert(freed, size);
                refusal = DirectLineFeedRefusal.ChannelFull;
                return null;
            }

            for (var i = 0; i < drop; i++)
            {
                _feed.RemoveFirst();
            }

            _sequence++;
            _feed.AddLast((_sequence, json));
            _bytes += size - freed;
            LastActive = now;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        refusal = DirectLineFeedRefusal.None;
        return stored;
    }

    /// <summary>The activities (as their JSON) after <paramref name="watermark"/> and the watermark that follows them.</summary>
    public (List<byte[]> Activities, long Watermark) Since(long watermark)
    {
        lock (_lock)
        {
            var activities = new List<byte[]>();
            foreach (var (sequence, json) in _feed)
            {
                if (sequence > watermark)
                {
                    activities.Add(json);
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
            _feed.Clear();
            _budget.Release(_bytes);
            _addressBudget?.Release(_bytes);
            _bytes = 0;
            changed = _changed;
            stream = _stream;
            _stream = null;
        }

        changed.TrySetResult();
        stream?.Cancel();
        stream?.Dispose();
    }
}
