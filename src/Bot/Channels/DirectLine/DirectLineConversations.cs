using System.Collections.Concurrent;
using System.Security.Cryptography;
using CareerBot.Bot.Channels.BotFramework;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// The embedded channel's conversations, bounded in number; idle ones expire. Expiry is
/// checked when a conversation is looked up and swept when a new one is made, so no
/// timer runs and time can be moved in tests.
/// </summary>
internal sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressShare> _perAddress = new(StringComparer.Ordinal);
    private readonly Lock _addresses = new();
    private readonly DirectLineOptions _options = options.Value;
    private readonly DirectLineFeedBudget _budget = new(options.Value.MaxFeedBytes);

    public int Count => _conversations.Count;

    /// <summary>Bytes all feeds hold together, against <see cref="DirectLineOptions.MaxFeedBytes"/>.</summary>
    public long FeedBytes => _budget.Used;

    /// <summary>A new conversation, or null when the limit is reached even after expired ones went.</summary>
    public DirectLineConversation? Create(string channelId, ChannelAccount user) => Create(channelId, user, address: null).Conversation;

    /// <summary>
    /// A new conversation for a client at <paramref name="address"/> (null: a server holding the secret, not
    /// counted), or why there is none: the channel's limit, or the address's
    /// (<see cref="DirectLineOptions.MaxConversationsPerAddress"/>), even after expired ones went.
    /// </summary>
    public (DirectLineConversation? Conversation, bool AddressFull) Create(string channelId, ChannelAccount user, System.Net.IPAddress? address)
    {
        if (_conversations.Count >= _options.MaxConversations)
        {
            Sweep();
            if (_conversations.Count >= _options.MaxConversations)
            {
                return (null, false);
            }
        }

        var key = address is null ? null : AddressKey(address);
        DirectLineFeedBudget? share = null;
        if (key is not null && (share = TryCount(key)) is null)
        {
            Sweep();
            if ((share = TryCount(key)) is null)
            {
                return (null, true);
            }
        }

        var conversation = new DirectLineConversation(NewId(), channelId, user, _options.MaxActivitiesPerConversation, _options.MaxFeedBytesPerConversation, _budget, share, time.GetUtcNow())
        {
            Address = key,
        };
        _conversations[conversation.Id] = conversation;
        return (conversation, false);
    }

    /// <summary>Conversations the client at <paramref name="address"/> holds open (tests, metrics).</summary>
    public int CountFor(System.Net.IPAddress address)
    {
        lock (_addresses)
        {
            return _perAddress.GetValueOrDefault(AddressKey(address))?.Count ?? 0;
        }
    }

    /// <summary>Bytes the feeds of the client at <paramref name="address"/> hold together (tests, metrics).</summary>
    public long FeedBytesFor(System.Net.IPAddress address)
    {
        lock (_addresses)
        {
            return _perAddress.GetValueOrDefault(AddressKey(address))?.Budget.Used ?? 0;
        }
    }

    /// <summary>An IPv4 address as it is; an IPv6 address by its /64, the least a single client is given.</summary>
    internal static string AddressKey(System.Net.IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>Counts one more conversation for the address and gives the bytes its feeds share, or null when it holds its share of conversations.</summary>
    private DirectLineFeedBudget? TryCount(string key)
    {
        lock (_addresses)
        {
            if (!_perAddress.TryGetValue(key, out var share))
            {
                share = new AddressShare(new DirectLineFeedBudget(_options.MaxFeedBytesPerAddress));
                _perAddress[key] = share;
            }
            else if (share.Count >= _options.MaxConversationsPerAddress)
            {
                return null;
            }

            share.Count++;
            return share.Budget;
        }
    }

    /// <summary>What one client address holds: its conversations, and the bytes their feeds share.</summary>
    private sealed class AddressShare(DirectLineFeedBudget budget)
    {
        public int Count { get; set; }

        public DirectLineFeedBudget Budget { get; } = budget;
    }

    /// <summary>The conversation, unless it does not exist or has been idle too long.</summary>
    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (Idle(conversation))
        {
            Remove(conversation);
            return null;
        }

        return conversation;
    }

    /// <summary>Forgets every conversation idle for longer than the timeout.</summary>
    public void Sweep()
    {
        foreach (var conversation in _conversations.Values)
        {
            if (Idle(conversation))
            {
                Remove(conversation);
            }
        }
    }

    /// <summary>A user id for an anonymous visitor; "dl_" ids are only ever set by the server.</summary>
    public static string NewUserId() => "dl_" + RandomId(12);

    private bool Idle(DirectLineConversation conversation) =>
        time.GetUtcNow() - conversation.LastActive > _options.ConversationIdleTimeout;

    private void Remove(DirectLineConversation conversation)
    {
        if (_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            conversation.End();
            if (conversation.Address is { } key)
            {
                lock (_addresses)
                {
                    if (_perAddress.TryGetValue(key, out var share) && --share.Count <= 0)
                    {
                        _perAddress.Remove(key);
                    }
                }
            }
        }
    }

    private static string NewId() => RandomId(18);

    private static string RandomId(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
