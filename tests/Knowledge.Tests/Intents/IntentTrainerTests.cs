using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Intents;

public sealed class IntentTrainerTests
{
    private static readonly LabeledUtterance[] Toy =
    [
        .. new[] { "red apple", "ripe red cherry", "red strawberry", "a red tomato", "red pepper", "bright red rose" }.Select((t, i) => new LabeledUtterance(t, "red", "toy", i)),
        .. new[] { "green leaf", "green grass", "a green lime", "green pepper", "green frog", "bright green moss" }.Select((t, i) => new LabeledUtterance(t, "green", "toy", i)),
        .. new[] { "the stock market", "weather today", "tell a joke", "fix my car", "book a flight", "pizza recipe" }.Select((t, i) => new LabeledUtterance(t, "out_of_scope", "toy", i)),
    ];

    private static readonly string[] Probes = ["a red car", "green apple tree", "weather", "ripening cherries", "red grass weather", "something new entirely", ""];

    [Theory]
    [InlineData(IntentTrainerKind.SdcaMaximumEntropy)]
    [InlineData(IntentTrainerKind.LbfgsMaximumEntropy)]
    [InlineData(IntentTrainerKind.LinearSvm)]
    [InlineData(IntentTrainerKind.AveragedPerceptron)]
    [InlineData(IntentTrainerKind.SdcaHinge)]
    [InlineData(IntentTrainerKind.SdcaSmoothedHinge)]
    public void Fit_ToyProblem_LearnsTheClasses(IntentTrainerKind trainer)
    {
        using var model = IntentTrainer.Fit(Toy, SynonymRules.Empty, new IntentTrainerOptions { Folds = 3, Trainer = trainer });

        Assert.Equal(["green", "out_of_scope", "red"], model.ClassNames);
        Assert.Equal("red", model.Classify("a red car").Best.Intent.Name);
        Assert.Equal("green", model.Classify("green grass and a green leaf").Best.Intent.Name);
        Assert.InRange(model.Probabilities("red red red").Sum(), 0.999999, 1.000001);
    }

    [Fact]
    public void Fit_SameSeedAndData_GivesTheSamePredictionsTwice()
    {
        var options = new IntentTrainerOptions { Folds = 3, Seed = 7 };
        using var first = IntentTrainer.Fit(Toy, SynonymRules.Empty, options);
        using var second = IntentTrainer.Fit(Toy, SynonymRules.Empty, options);

        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Temperature, second.Temperature);
        Assert.Equal(first.TrainingHash, second.TrainingHash);
        foreach (var text in Probes)
        {
            Assert.Equal(first.Probabilities(text), second.Probabilities(text));
        }
    }

    [Fact]
    public void WordCharacters_TwoWords_PadsEachAndNeverCrossesThem()
    {
        Assert.Equal(["^ab", "ab$", "^ab$", "^c$"], IntentText.WordCharacters(["ab", "c"], 3, 4));
    }

    [Fact]
    public void TrainingHash_OtherSettingsOrSynonyms_Differs()
    {
        var options = new IntentTrainerOptions();
        var hash = IntentTrainer.TrainingHash(Toy, SynonymRules.Empty, options);

        Assert.Equal(hash, IntentTrainer.TrainingHash(Toy, SynonymRules.Empty, options with { FixedThreshold = 0.5 }));
        Assert.NotEqual(hash, IntentTrainer.TrainingHash(Toy, SynonymRules.Empty, options with { L2 = 1e-3 }));
        Assert.NotEqual(hash, IntentTrainer.TrainingHash(Toy, SynonymRules.Empty, options with { Trainer = IntentTrainerKind.LinearSvm }));
        Assert.NotEqual(hash, IntentTrainer.TrainingHash(Toy, SynonymRules.Parse(["crimson, red"]), options));
    }

    [Theory]
    [InlineData(IntentTrainerKind.LbfgsMaximumEntropy, false)]
    [InlineData(IntentTrainerKind.SdcaHinge, true)]
    public void SaveLoad_RoundTrip_PredictsTheSame(IntentTrainerKind trainer, bool wordFeatures)
    {
        // The loaded model must read a message with the settings it was trained with (markers, per-word grams, margins).
        var options = new IntentTrainerOptions { Folds = 3, Trainer = trainer, SentenceMarkers = wordFeatures, CharactersPerWord = wordFeatures, WordSkipLength = wordFeatures ? 1 : 0 };
        using var model = IntentTrainer.Fit(Toy, SynonymRules.Empty, options);
        var path = TempPath();
        try
        {
            model.Save(path);
            using var loaded = IntentModel.Load(path, SynonymRules.Empty);

            Assert.Equal(model.TrainingHash, IntentModel.Read(path).TrainingHash);
            Assert.Equal(model.ClassNames, loaded.ClassNames);
            Assert.Equal(model.Threshold, loaded.Threshold);
            Assert.Equal(model.Temperature, loaded.Temperature);
            Assert.Equal(model.TrainingHash, loaded.TrainingHash);
            foreach (var text in Probes)
            {
                Assert.Equal(model.Probabilities(text), loaded.Probabilities(text));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_NotAModelZip_ThrowsInvalidData()
    {
        var path = TempPath();
        try
        {
            File.WriteAllText(path, "CBIMgarbage");
            Assert.Throws<InvalidDataException>(() => IntentModel.Load(path, SynonymRules.Empty));

            File.Delete(path);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                zip.CreateEntry("something-else.txt");
            }

            Assert.Throws<InvalidDataException>(() => IntentModel.Load(path, SynonymRules.Empty));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_ZipOfAnotherFormatVersion_ThrowsInvalidDataNamingTheVersions()
    {
        using var model = IntentTrainer.Fit(Toy, SynonymRules.Empty, new IntentTrainerOptions { Folds = 3 });
        var path = TempPath();
        try
        {
            model.Save(path);
            ModelZips.RewriteFormatVersion(path, IntentModel.FormatVersion + 1);

            var error = Assert.Throws<InvalidDataException>(() => IntentModel.Load(path, SynonymRules.Empty));
            Assert.Contains($"model format {IntentModel.FormatVersion + 1}, expected {IntentModel.FormatVersion}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Classify_FromManyThreadsAtOnce_GivesEachTheAnswerItGetsAlone()
    {
        using var model = IntentTrainer.Fit(Toy, SynonymRules.Empty, new IntentTrainerOptions { Folds = 3 });
        var expected = Probes.ToDictionary(t => t, model.Probabilities);
        var wrong = new ConcurrentBag<string>();
        using var start = new Barrier(16);

        // 16 threads, 200 classifications each, interleaving texts: more at once than the pool keeps idle.
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 200; i++)
            {
                var text = Probes[(worker + i) % Probes.Length];
                if (!model.Probabilities(text).SequenceEqual(expected[text]))
                {
                    wrong.Add(text);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Classify_BelowThreshold_IsOutOfScope()
    {
        using var model = IntentTrainer.Fit(Toy, SynonymRules.Empty, new IntentTrainerOptions { ChooseThreshold = false, FixedThreshold = 0.99 });

        var prediction = model.Classify("a red car");

        Assert.Equal(IntentKind.OutOfScope, prediction.Intent.Kind);
        Assert.Equal("red", prediction.Best.Intent.Name);
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"careerbot-model-{Guid.NewGuid():N}.zip");

    [Fact]
    public void ChooseThreshold_HeldOutScores_KeepsInScopeDeclinesUnderTheLimit()
    {
        CrossValidation.Prediction P(string expected, string predicted, double score) => new("x", expected, predicted, score);
        var predictions = new[]
        {
            P("red", "red", 0.9), P("red", "red", 0.8), P("green", "green", 0.7), P("green", "green", 0.6),
            P("out_of_scope", "red", 0.3), P("out_of_scope", "green", 0.4), P("out_of_scope", "out_of_scope", 0.9),
        };

        var threshold = IntentTrainer.ChooseThreshold(predictions, maxInScopeDecline: 0.0);

        Assert.InRange(threshold, 0.425, 0.6);
    }

    [Fact]
    public void ChooseThreshold_GainWithinNoise_KeepsTheLowerThreshold()
    {
        CrossValidation.Prediction P(string expected, string predicted, double score) => new("x", expected, predicted, score);

        // 200 in-scope messages, two of them unsure (0.3); 100 out-of-scope, 90 caught by their
        // intent and ten scored 0.9 elsewhere, except one scored 0.2: 0.25 would catch that one
        // and turn away nobody, 0.35 would also turn away the two unsure in-scope messages.
        var inScope = Enumerable.Range(0, 200).Select(i => P("red", "red", i < 2 ? 0.3 : 0.9));
        var outOfScope = Enumerable.Range(0, 100).Select(i => i < 90 ? P("out_of_scope", "out_of_scope", 0.9) : P("out_of_scope", "red", i == 90 ? 0.2 : 0.9));
        var predictions = inScope.Concat(outOfScope).ToArray();

        // Catching 1 more of 100 is within one standard error (about 0.03) of catching none more.
        Assert.Equal(0, IntentTrainer.ChooseThreshold(predictions, maxInScopeDecline: 0.02));

        // Catching all ten is not.
        var clear = inScope.Concat(outOfScope.Select(p => p.Expected == p.Predicted ? p : p with { Score = 0.2 })).ToArray();
        Assert.Equal(0.225, IntentTrainer.ChooseThreshold(clear, maxInScopeDecline: 0.02), 6);
    }

    [Fact]
    public void FitTemperature_UnderConfidentScores_FindsTheFactorThatMadeTheLabels()
    {
        // Labels drawn from softmax(2z) but reported as softmax(z): scores half as sharp as the truth.
        var random = new Random(3);
        var predictions = Enumerable.Range(0, 4000).Select(_ =>
        {
            var z = Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 3).ToArray();
            var label = Sample(Softmax(z.Select(v => 2 * v).ToArray()), random);
            var reported = Softmax(z);
            return new CrossValidation.Prediction("x", "a", "a", reported.Max(), reported, label);
        }).ToArray();

        Assert.InRange(IntentTrainer.FitTemperature(predictions), 1.85, 2.15);
    }

    [Fact]
    public void Fit_Calibrated_KeepsEveryBestIntentAndChangesOnlyConfidence()
    {
        var options = new IntentTrainerOptions { Folds = 3 };
        using var calibrated = IntentTrainer.Fit(Toy, SynonymRules.Empty, options);
        using var raw = IntentTrainer.Fit(Toy, SynonymRules.Empty, options with { Calibrate = false });

        foreach (var text in new[] { "a red car", "green apple tree", "weather", "ripe green cherry", "something new" })
        {
            Assert.Equal(raw.Classify(text).Best.Intent.Name, calibrated.Classify(text).Best.Intent.Name);
        }

        Assert.NotEqual(raw.Probabilities("a red car"), calibrated.Probabilities("a red car"));
    }

    private static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private static int Sample(double[] p, Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < p.Length; i++)
        {
            u -= p[i];
            if (u <= 0)
            {
                return i;
            }
        }

        return p.Length - 1;
    }
}
