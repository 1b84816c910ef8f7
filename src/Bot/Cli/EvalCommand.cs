using System.CommandLine;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Bot.Cli;

/// <summary><c>eval [--questions FILE]</c>: classifier cross-validation, retrieval figures and guides due for an update.</summary>
internal static class EvalCommand
{
    public const string DefaultQuestions = "tests/Knowledge.Tests/Evaluation/questions.yaml";

    public const string DefaultBaseline = "tests/Knowledge.Tests/Evaluation/baseline.json";

    public static Command Create(CliContext cli, TimeProvider time)
    {
        var questions = new Option<string>("--questions") { Description = "The evaluation question set (YAML).", DefaultValueFactory = _ => DefaultQuestions };
        var misses = new Option<bool>("--no-misses") { Description = "Leave out the list of questions not answered at rank 1." };
        var retrievalOnly = new Option<bool>("--retrieval-only") { Description = "Skip the classifier's cross-validation (fast; for tuning retrieval)." };
        var repeats = CliOptions.WholeNumber("--repeats", "Times to repeat the cross-validation, each with its own folds; the figures are means", 4, 1, 20);
        var baseline = new Option<string>("--baseline") { Description = "The committed figures to compare with (JSON).", DefaultValueFactory = _ => DefaultBaseline };
        var save = new Option<bool>("--save-baseline") { Description = "Write today's figures to the baseline file instead of comparing with it." };
        var command = new Command("eval", "Cross-validate the intent classifier and score retrieval on the question set against a BM25 baseline, each figure beside the committed baseline.")
        {
            questions, misses, retrievalOnly, repeats, baseline, save,
        };
        command.SetAction(parse => cli.Guarded(() =>
        {
            var loader = cli.CreateLoader();
            var path = CliContext.InRepository(parse.GetValue(questions)!, loader.Options);
            if (!File.Exists(path))
            {
                cli.Error.WriteLine($"error: --questions: no such file: {path}");
                return CliApp.UsageError;
            }

            using var knowledge = loader.Load();
            var utterances = UtteranceLoader.LoadDirectory(loader.Options.IntentsPath);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var report = Evaluator.Run(knowledge, utterances, QuestionSetLoader.Load(path), loader.Options.Trainer, today, crossValidate: !parse.GetValue(retrievalOnly), repeats: parse.GetValue(repeats));
            var baselinePath = CliContext.InRepository(parse.GetValue(baseline)!, loader.Options);
            var measured = EvaluationBaseline.From(report, Path.GetFileName(path));
            var committed = parse.GetValue(save) ? null : EvaluationBaseline.Load(baselinePath);
            if (parse.GetValue(save))
            {
                measured.Save(baselinePath);
                cli.Output.WriteLine($"Saved {measured.Figures.Count} figures to {baselinePath}");
                cli.Output.WriteLine();
            }
            else if (committed is null)
            {
                cli.Output.WriteLine($"No baseline at {baselinePath}; `eval --save-baseline` writes one.");
                cli.Output.WriteLine();
            }
            else if (!committed.Measures(measured.QuestionSet!))
            {
                cli.Output.WriteLine($"The baseline {Path.GetFileName(baselinePath)} was measured on {committed.QuestionSet}, not on {measured.QuestionSet}: nothing to compare with.");
                cli.Output.WriteLine();
            }
            else
            {
                cli.Output.Write(EvaluationReportFormatter.BaselineToMarkdown(committed.Compare(measured), Path.GetFileName(baselinePath)));
            }

            cli.Output.Write(EvaluationReportFormatter.ToMarkdown(report, includeMisses: !parse.GetValue(misses)));
            return 0;
        }));
        return command;
    }

}
