using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Intents;

public sealed class IntentTrainerTests
{
    private static readonly LabeledUtterance[] Toy =
    [
        .. new[] { "red apple", "ripe red cherry", "red strawberry", "a red tomato", "red pepper", "bright red rose" }.Select((t, i) => new LabeledUtterance(t, "red", "toy", i)),
        .. new[] { "green leaf", "green grass", "a green lime", "green pepper", "green frog", "bright green moss" }.Select((t, i) => new LabeledUtterance(t, "green", "toy", i)),
        .. new[] { "the stock market", "weather today", "tell a joke", "fix my car", "book a flight", "pizza recipe" }.Select((t, i) => new LabeledUtterance(t, "out_of_scope", "toy", i)),
    ];

    [Fact]
    public void Fit_ToyProblem_LearnsTheClasses()
    {
        var model = IntentTrainer.Fit(Toy, SynonymMap.Empty, new IntentTrainerOptions { Folds = 3 });

        Assert.Equal("red", model.Classify("a red car").Best.Intent.Name);
        Assert.Equal("green", model.Classify("green apple tree").Best.Intent.Name);
        Assert.Equal(["green", "out_of_scope", "red"], model.ClassNames);
        Assert.InRange(model.Probabilities("red red red").Sum(), 0.999999, 1.000001);
    }

    [Fact]
    public void Fit_SameSeedAndData_GivesIdenticalModels()
    {
        var options = new IntentTrainerOptions { Folds = 3, Seed = 7 };
        var first = IntentTrainer.Fit(Toy, SynonymMap.Empty, options);
        var second = IntentTrainer.Fit(Toy, SynonymMap.Empty, options);

        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Probabilities("red grass weather"), second.Probabilities("red grass weather"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Fit_AnyShareOfSquaredHinge_LearnsTheClassesDeterministically(double hingeWeight)
    {
        var options = new IntentTrainerOptions { Folds = 3, HingeWeight = hingeWeight };
        var model = IntentTrainer.Fit(Toy, SynonymMap.Empty, options);
        var again = IntentTrainer.Fit(Toy, SynonymMap.Empty, options);

        Assert.Equal("red", model.Classify("a red car").Best.Intent.Name);
        Assert.Equal("green", model.Classify("green apple tree").Best.Intent.Name);
        Assert.InRange(model.Probabilities("red red red").Sum(), 0.999999, 1.000001);
        Assert.Equal(model.Probabilities("red grass weather"), again.Probabilities("red grass weather"));
        Assert.NotEqual(model.TrainingHash, IntentTrainer.Fit(Toy, SynonymMap.Empty, options with { HingeWeight = 0.25 }).TrainingHash);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaveLoad_RoundTrip_PredictsTheSame(bool stemFeatures)
    {
        var model = IntentTrainer.Fit(Toy, SynonymMap.Empty, new IntentTrainerOptions { Folds = 3, StemFeatures = stemFeatures });
        var path = Path.Combine(Path.GetTempPath(), $"careerbot-model-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = IntentModel.Load(path, SynonymMap.Empty);

            Assert.Equal(model.ClassNames, loaded.ClassNames);
            Assert.Equal(model.Threshold, loaded.Threshold);
            Assert.Equal(model.TrainingHash, loaded.TrainingHash);
            foreach (var text in new[] { "red apple", "green", "weather", "something new entirely", "ripening cherries" })
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
    public void Fit_WithStemFeatures_SharesEvidenceBetweenFormsOfAWord()
    {
        var options = new IntentTrainerOptions { Folds = 3, ChooseThreshold = false, StemFeatures = false };
        var surface = IntentTrainer.Fit(Toy, SynonymMap.Empty, options);
        var stemmed = IntentTrainer.Fit(Toy, SynonymMap.Empty, options with { StemFeatures = true });
        var red = surface.ClassNames.ToList().IndexOf("red");

        // "ripeness" shares the stem of "ripe" (a red example) but none of its word n-grams.
        Assert.True(stemmed.Probabilities("ripeness")[red] > surface.Probabilities("ripeness")[red]);
        Assert.NotEqual(surface.TrainingHash, stemmed.TrainingHash);
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"careerbot-model-{Guid.NewGuid():N}.bin");
        File.WriteAllText(path, "CBIMgarbage");
        try
        {
            Assert.Throws<InvalidDataException>(() => IntentModel.Load(path, SynonymMap.Empty));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Classify_BelowThreshold_IsOutOfScope()
    {
        var model = IntentTrainer.Fit(Toy, SynonymMap.Empty, new IntentTrainerOptions { ChooseThreshold = false, FixedThreshold = 0.99 });

        var prediction = model.Classify("a red car");

        Assert.Equal(IntentKind.OutOfScope, prediction.Intent.Kind);
        Assert.Equal("red", prediction.Best.Intent.Name);
    }

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
        var calibrated = IntentTrainer.Fit(Toy, SynonymMap.Empty, options);
        var raw = IntentTrainer.Fit(Toy, SynonymMap.Empty, options with { Calibrate = false });

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

    [Fact]
    public void Minimize_Quadratic_FindsTheMinimum()
    {
        var result = Lbfgs.Minimize((x, g) =>
        {
            g[0] = 2 * (x[0] - 3);
            g[1] = 20 * (x[1] + 1);
            return ((x[0] - 3) * (x[0] - 3)) + (10 * (x[1] + 1) * (x[1] + 1));
        }, [0.0, 0.0], tolerance: 1e-10);

        Assert.True(result.Converged);
        Assert.Equal(3.0, result.X[0], 6);
        Assert.Equal(-1.0, result.X[1], 6);
    }
}
