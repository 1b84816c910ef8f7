namespace CareerBot.Knowledge.Intents;

/// <summary>
/// A topic intent ("salary", "education"): data, not code. Each has its utterance file
/// and the passages tagged with it, so adding one needs no code change.
/// </summary>
public readonly record struct Topic
{
    public Topic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid topic name (lower-case letters, digits and '_').", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    public override string ToString() => Name;
}
