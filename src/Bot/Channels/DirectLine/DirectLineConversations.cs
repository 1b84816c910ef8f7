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
    private readonly DirectLineOptions _options = options.Value;
    private readonly DirectLineFeedBudget _budget = new(options.Value.MaxFeedBytes);

    public int Count => _conversations.Count;

    /// <summary>Bytes all feeds hold together, against <see cref="DirectLineOptions.MaxFeedBytes"/>.</summary>
    public long FeedBytes => _budget.Used;

    /// <summary>A new conversation, or null when the limit is reached even after expired ones went.</summary>
    public DirectLineConversation? Create(string channelId, ChannelAccount user)
    {
        if (_conversations.Count >= _options.MaxConversations)
        {
            Sweep();
            if (_conversations.Count >= _options.MaxConversations)
            {
                return null;
            }
        }

        var conversation = new DirectLineConversation(NewId(), channelId, user, _options.MaxActivitiesPerConversation, _options.MaxFeedBytesPerConversation, _budget, time.GetUtcNow());
        _conversations[conversation.Id] = conversation;
        return conversation;
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
        }
    }

    private static string NewId() => RandomId(18);

    private static string RandomId(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
