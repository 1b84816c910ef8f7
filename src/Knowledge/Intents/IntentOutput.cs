namespace CareerBot.Knowledge.Intents;

/// <summary>What the pipeline gives for a row: one probability per intent, in the label's key order.</summary>
internal sealed class IntentOutput
{
    public float[] Score { get; set; } = [];
}
