using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests;

public sealed class KnowledgeLoaderTests
{
    [Fact]
    public void RepeatedWords_Utterances_WordsInAtLeastTwoOfThem()
    {
        var utterances = new UtteranceSet(
            [
                new LabeledUtterance("can i switch to data science later", "career_path", "career_path.txt", 1),
                new LabeledUtterance("see you later", "goodbye", "goodbye.txt", 1),
                new LabeledUtterance("switch to research", "career_path", "career_path.txt", 2),
                new LabeledUtterance("certifcations for later", "education", "education.txt", 1),
            ],
            ["career_path", "education", "goodbye"],
            new Dictionary<string, IReadOnlyList<string>>());

        var words = KnowledgeLoader.RepeatedWords(utterances).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["later", "switch"], words);
    }

    [Fact]
    public void RepeatedWords_AMisspellingOfAMuchCommonerWord_IsNotKnown()
    {
        var texts = new[]
        {
            "skils needed", "skils for ml", "which skills matter", "skills for juniors", "top skills", "skills list",
            "skills to learn", "soft skills", "layer by layer", "see you later", "later then", "talk later",
        };
        var utterances = new UtteranceSet(
            [.. texts.Select((t, i) => new LabeledUtterance(t, "skills", "skills.txt", i + 1))],
            ["skills"],
            new Dictionary<string, IReadOnlyList<string>>());

        var words = KnowledgeLoader.RepeatedWords(utterances).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["later", "skills"], words);
    }
}
