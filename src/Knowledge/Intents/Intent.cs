namespace CareerBot.Knowledge.Intents;

/// <summary>The conversational intents the code acts on; every topic is <see cref="Topic"/>.</summary>
public enum IntentKind
{
    Topic,
    Greeting,
    Thanks,
    Goodbye,
    Help,
    OutOfScope,
}

/// <summary>What a user's message is about: a conversational intent, or a topic.</summary>
public readonly record struct Intent
{
    private static readonly Dictionary<string, IntentKind> ConversationalNames = new(StringComparer.Ordinal)
    {
        ["greeting"] = IntentKind.Greeting,
        ["thanks"] = IntentKind.Thanks,
        ["goodbye"] = IntentKind.Goodbye,
        ["help"] = IntentKind.Help,
        ["out_of_scope"] = IntentKind.OutOfScope,
    };

    private Intent(IntentKind kind, Topic? topic)
    {
        Kind = kind;
        Topic = topic;
    }

    public IntentKind Kind { get; }

    /// <summary>The topic, when <see cref="Kind"/> is <see cref="IntentKind.Topic"/>.</summary>
    public Topic? Topic { get; }

    public string Name => Kind == IntentKind.Topic ? Topic!.Value.Name : NameOf(Kind);

    public bool IsTopic => Kind == IntentKind.Topic;

    public static Intent OutOfScope { get; } = new(IntentKind.OutOfScope, null);

    /// <summary>The conversational intents the code needs an utterance file for.</summary>
    public static IReadOnlyCollection<string> ConversationalIntentNames => ConversationalNames.Keys;

    public static Intent ForTopic(Topic topic) => new(IntentKind.Topic, topic);

    public static Intent Conversational(IntentKind kind) =>
        kind == IntentKind.Topic ? throw new ArgumentException("A topic intent needs its topic.", nameof(kind)) : new(kind, null);

    /// <summary>An intent by its file name: a conversational name, otherwise a topic.</summary>
    public static Intent FromName(string name) =>
        ConversationalNames.TryGetValue(name, out var kind) ? new(kind, null) : ForTopic(new Topic(name));

    private static string NameOf(IntentKind kind) => ConversationalNames.First(pair => pair.Value == kind).Key;

    public override string ToString() => Name;
}
