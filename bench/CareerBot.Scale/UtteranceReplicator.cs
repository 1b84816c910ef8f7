using CareerBot.Knowledge.Intents;

namespace CareerBot.Scale;

/// <summary>
/// A larger training set from the real utterances: the originals, then copies with one or two
/// light perturbations each (a typo, a dropped word, a filler word before or after, the
/// question mark added or removed), in the same intents, so that features and classes stay
/// those of the real set and only the example count grows.
/// </summary>
internal static class UtteranceReplicator
{
    private static readonly string[] Openers = ["hey", "so", "ok", "hi,", "quick question:", "um", "hello,", "btw"];
    private static readonly string[] Closers = ["please", "thanks", "?", "!", "then", "right now"];

    public static List<LabeledUtterance> Replicate(IReadOnlyList<LabeledUtterance> examples, int total, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var random = new Random(seed);
        if (total < examples.Count)
        {
            return Sample(examples, total, random);
        }

        var result = new List<LabeledUtterance>(Math.Max(total, examples.Count));
        result.AddRange(examples);
        var seen = new HashSet<string>(examples.Select(e => e.Intent + "\t" + e.Text), StringComparer.OrdinalIgnoreCase);
        var next = 0;
        while (result.Count < total)
        {
            // Round-robin over the originals, so every utterance is copied about as often.
            var original = examples[next++ % examples.Count];
            var text = original.Text;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                text = original.Text;
                var changes = 1 + random.Next(2);
                for (var c = 0; c < changes; c++)
                {
                    text = Perturb(text, random);
                }

                if (seen.Add(original.Intent + "\t" + text))
                {
                    break;
                }
            }

            result.Add(original with { Text = text });
        }

        return result;
    }

    /// <summary>
    /// Fewer than the real set: a seeded draw from each intent in proportion to its size (largest
    /// remainders get the leftover places), so the classes keep their shares.
    /// </summary>
    private static List<LabeledUtterance> Sample(IReadOnlyList<LabeledUtterance> examples, int total, Random random)
    {
        var groups = examples.GroupBy(e => e.Intent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(_ => random.Next()).ToList())
            .ToList();
        var quotas = groups.Select(g => g.Count * total / examples.Count).ToArray();
        var left = total - quotas.Sum();
        foreach (var i in Enumerable.Range(0, groups.Count).OrderByDescending(i => groups[i].Count * total % examples.Count).Take(left))
        {
            quotas[i]++;
        }

        return [.. groups.SelectMany((g, i) => g.Take(quotas[i]))];
    }

    private static string Perturb(string text, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (random.Next(5))
        {
            case 0:
                QuestionGenerator.Typo(words, random);
                break;
            case 1 when words.Count >= 3:
                words.RemoveAt(random.Next(words.Count));
                break;
            case 2:
                words.Insert(0, Openers[random.Next(Openers.Length)]);
                break;
            case 3:
                words.Add(Closers[random.Next(Closers.Length)]);
                break;
            default:
                return text.EndsWith('?') ? text.TrimEnd('?') : text + "?";
        }

        return string.Join(' ', words);
    }
}
