namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>Why an activity was not added to a conversation's feed.</summary>
internal enum DirectLineFeedRefusal
{
    None,

    /// <summary>The conversation has ended (expired or forgotten).</summary>
    Ended,

    /// <summary>The activity alone is larger than a conversation's feed may hold.</summary>
    TooLarge,

    /// <summary>All feeds together hold as many bytes as the channel allows.</summary>
    ChannelFull,

    /// <summary>The feeds of the client address's conversations hold as many bytes as one address may.</summary>
    AddressFull,
}
