namespace CareerBot.Bot.Operations;

/// <summary>Where turn records go. Recording never blocks or fails a turn.</summary>
public interface ITurnLog
{
    void Record(TurnRecord record);

    Task<IReadOnlyList<TurnRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
