namespace CareerBot.Bot.Turns;

/// <summary>
/// What a person did, as the turn handler reads it whatever the channel: a closed set
/// (<see cref="Ask"/>, <see cref="Reset"/>, <see cref="Vote"/>, <see cref="Joined"/>,
/// <see cref="Ended"/>). Each channel's parser turns its native payload into these; nothing past
/// the parser reads the payload's shape.
/// </summary>
public abstract record UserInput
{
    private protected UserInput()
    {
    }
}
