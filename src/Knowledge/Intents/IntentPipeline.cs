using CareerBot.Knowledge.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// The ML.NET estimator chain of the intent classifier, in one method: the analysed tokens'
/// word n-grams and the text's character n-grams (both TF-IDF), joined and scaled to unit
/// length, then the multiclass trainer <see cref="IntentTrainerOptions.Trainer"/> names.
/// </summary>
internal static class IntentPipeline
{
    /// <summary>Build the chain: <c>Label</c>, <c>Tokens</c>, <c>Words</c>, <c>Characters</c> or <c>WordCharacters</c> and <c>Weight</c> in; <c>Score</c> (one score per intent) out.</summary>
    public static IEstimator<ITransformer> Build(MLContext context, IntentTrainerOptions options)
    {
        IEstimator<ITransformer> chain = context.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(context.Transforms.Conversion.MapValueToKey("TokenKeys", nameof(IntentInput.Tokens)));
        var columns = new List<string>();

        // One bag of n-grams per weighting asked for (TfAndTfIdf: both, side by side).
        void Grams(string name, string keys, int length, int skip, bool allLengths)
        {
            foreach (var (suffix, weighting) in Weightings(options))
            {
                chain = chain.Append(context.Transforms.Text.ProduceNgrams(name + suffix, keys, ngramLength: length, skipLength: skip, useAllLengths: allLengths, maximumNgramsCount: 1_000_000, weighting: weighting));
                columns.Add(name + suffix);
            }
        }

        Grams("TokenGrams", "TokenKeys", options.WordNgramLength, options.WordSkipLength, allLengths: true);
        if (options.SurfaceWordNgramLength > 0)
        {
            // The words as written with synonyms read, stop words kept: "what can you do" and "thanks a lot" are made of them.
            chain = chain.Append(context.Transforms.Conversion.MapValueToKey("WordKeys", nameof(IntentInput.Words)));
            Grams("WordGrams", "WordKeys", options.SurfaceWordNgramLength, 0, allLengths: true);
        }

        if (options.CharNgramLength > 0 && options.CharactersPerWord)
        {
            chain = chain.Append(context.Transforms.Conversion.MapValueToKey("WordCharacterKeys", nameof(IntentInput.WordCharacters)));
            Grams("WordCharacterGrams", "WordCharacterKeys", 1, 0, allLengths: false);
        }
        else if (options.CharNgramLength > 0)
        {
            // One bag per length from CharNgramMinLength up: ProduceNgrams takes one length, or every length from 1.
            chain = chain.Append(context.Transforms.Text.TokenizeIntoCharactersAsKeys("CharacterKeys", nameof(IntentInput.Characters), useMarkerCharacters: true));
            for (var n = options.CharNgramMinLength; n <= options.CharNgramLength; n++)
            {
                Grams($"Characters{n}", "CharacterKeys", n, 0, allLengths: false);
            }
        }

        chain = chain.Append(context.Transforms.Concatenate(options.Normalize ? "Joined" : "Features", [.. columns]));
        if (options.Normalize)
        {
            chain = chain.Append(context.Transforms.NormalizeLpNorm("Features", "Joined"));
        }

        return chain
            // The trainers pass over the rows many times: featurise them once, not on every pass.
            .AppendCacheCheckpoint(context)
            .Append(Trainer(context, options));
    }

    private static IEstimator<ITransformer> Trainer(MLContext context, IntentTrainerOptions options)
    {
        var multiclass = context.MulticlassClassification.Trainers;
        var binary = context.BinaryClassification.Trainers;
        var weight = options.BalanceClasses ? nameof(IntentInput.Weight) : null;
        var l2 = (float)options.L2;
        return options.Trainer switch
        {
            IntentTrainerKind.SdcaMaximumEntropy => multiclass.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                ExampleWeightColumnName = weight,
                L2Regularization = l2,
                L1Regularization = 0,
                MaximumNumberOfIterations = options.MaxIterations,
                NumberOfThreads = 1,
            }),
            IntentTrainerKind.LbfgsMaximumEntropy => multiclass.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                ExampleWeightColumnName = weight,
                L2Regularization = l2,
                L1Regularization = 0,
                MaximumNumberOfIterations = options.MaxIterations,
                OptimizationTolerance = 1e-7f,
                NumberOfThreads = 1,
            }),
            IntentTrainerKind.LinearSvm => multiclass.OneVersusAll(binary.LinearSvm(new LinearSvmTrainer.Options
            {
                ExampleWeightColumnName = weight,
                Lambda = l2,
                NumberOfIterations = options.MaxIterations,
            })),
            IntentTrainerKind.AveragedPerceptron => multiclass.OneVersusAll(binary.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                L2Regularization = l2,
                NumberOfIterations = options.MaxIterations,
            })),
            IntentTrainerKind.SdcaHinge or IntentTrainerKind.SdcaSmoothedHinge => multiclass.OneVersusAll(
                binary.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
                {
                    ExampleWeightColumnName = weight,
                    LossFunction = options.Trainer == IntentTrainerKind.SdcaHinge ? new HingeLoss() : new SmoothedHingeLoss(),
                    L2Regularization = l2,
                    L1Regularization = 0,
                    MaximumNumberOfIterations = options.MaxIterations,
                    NumberOfThreads = 1,
                }),
                useProbabilities: false),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Trainer, "Unknown trainer."),
        };
    }

    /// <summary>Whether the trainer gives raw margins (turned into probabilities by <see cref="IntentModel"/>) rather than probabilities.</summary>
    public static bool GivesMargins(IntentTrainerOptions options) =>
        options.Trainer is IntentTrainerKind.SdcaHinge or IntentTrainerKind.SdcaSmoothedHinge;

    private static (string Suffix, NgramExtractingEstimator.WeightingCriteria Weighting)[] Weightings(IntentTrainerOptions options) => options.Weighting switch
    {
        IntentNgramWeighting.Tf => [(string.Empty, NgramExtractingEstimator.WeightingCriteria.Tf)],
        IntentNgramWeighting.TfIdf => [(string.Empty, NgramExtractingEstimator.WeightingCriteria.TfIdf)],
        _ => [(string.Empty, NgramExtractingEstimator.WeightingCriteria.TfIdf), ("Tf", NgramExtractingEstimator.WeightingCriteria.Tf)],
    };

    /// <summary>Fits the chain on the examples with a seeded context; the same seed and data give the same model.</summary>
    public static FittedIntentPipeline Fit(IReadOnlyList<LabeledUtterance> examples, SynonymRules synonyms, IntentTrainerOptions options)
    {
        var context = new MLContext(options.Seed);
        using var analyzer = new KnowledgeAnalyzer(synonyms);
        var perClass = examples.GroupBy(e => e.Intent, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var classes = perClass.Count;
        var rows = examples.Select(e =>
        {
            var row = new IntentInput
            {
                Label = e.Intent,
                Weight = options.BalanceClasses ? (float)(examples.Count / (double)(classes * perClass[e.Intent])) : 1f,
            };
            IntentText.Fill(row, e.Text, analyzer, options);
            return row;
        }).ToArray();
        var data = context.Data.LoadFromEnumerable(rows);
        var transformer = Build(context, options).Fit(data);
        return new FittedIntentPipeline(context, transformer, data.Schema);
    }
}
