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
}
