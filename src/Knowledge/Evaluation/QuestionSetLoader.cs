using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareerBot.Knowledge.Evaluation;

/// <summary>
/// Reads an evaluation set: a YAML list of { q, intent, expect: [passage ids], after, facts: [phrases] }.
/// </summary>
public static class QuestionSetLoader
{
    public static IReadOnlyList<EvaluationQuestion> Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeBaseException(path, (int)ex.Start.Line, $"not valid YAML: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new KnowledgeBaseException(path, 1, "the question set must be a YAML list");
        }

        var questions = new List<EvaluationQuestion>();
        foreach (var node in list)
        {
            var line = (int)node.Start.Line;
            if (node is not YamlMappingNode map)
            {
                throw new KnowledgeBaseException(path, line, "each entry is a mapping with q, intent and expect");
            }

            string? Scalar(string key) =>
                map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

            var text = Scalar("q") ?? throw new KnowledgeBaseException(path, line, "entry without 'q'");
            var intent = Scalar("intent") ?? throw new KnowledgeBaseException(path, line, "entry without 'intent'");
            var expect = map.Children.TryGetValue(new YamlScalarNode("expect"), out var expectNode) && expectNode is YamlSequenceNode ids
                ? ids.OfType<YamlScalarNode>().Select(s => s.Value!).ToArray()
                : [];
            if (intent != "out_of_scope" && expect.Length == 0 && IsTopicIntent(intent))
            {
                throw new KnowledgeBaseException(path, line, $"'{text}' needs the passage ids that answer it");
            }

            var facts = map.Children.TryGetValue(new YamlScalarNode("facts"), out var factsNode) && factsNode is YamlSequenceNode phrases
                ? phrases.OfType<YamlScalarNode>().Select(s => s.Value!).Where(f => f.Length > 0).ToArray()
                : [];
            questions.Add(new EvaluationQuestion(text, intent, expect, Scalar("after"), line, facts));
        }

        return questions;
    }

    private static bool IsTopicIntent(string intent) => !Intents.Intent.ConversationalIntentNames.Contains(intent);
}
