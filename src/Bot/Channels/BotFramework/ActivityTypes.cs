namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>The activity types and delivery modes CareerBot acts on.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";
    public const string Event = "event";

    public const string ExpectReplies = "expectReplies";
}
