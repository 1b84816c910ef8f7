using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareerBot.Knowledge.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// A trained intent classifier: the fitted ML.NET pipeline (<see cref="IntentPipeline"/>), read-only
/// and shared, with a pool of prediction engines so any number of turns classify at once; on top,
/// temperature scaling of its probabilities and the out-of-scope threshold. Saved as an ML.NET
/// model zip (<see cref="ModelOperationsCatalog.Save(ITransformer, DataViewSchema, string)"/>) that
/// also holds <see cref="IntentModelInfo"/>.
/// </summary>
public sealed class IntentModel : IIntentClassifier, IDisposable
{
    /// <summary>Bumped whenever the zip's layout or the pipeline's columns change.</summary>
    public const int FormatVersion = 4;

    private const string InfoEntry = "CareerBot/intent-model.json";

    private readonly MLContext _context;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly IntentModelInfo _info;
    private readonly KnowledgeAnalyzer _analyzer;
    private readonly Intent[] _intents;
    private readonly PredictionEnginePool _engines;

    internal IntentModel(FittedIntentPipeline pipeline, IntentModelInfo info, SynonymRules synonyms)
    {
        _context = pipeline.Context;
        _transformer = pipeline.Transformer;
        _inputSchema = pipeline.InputSchema;
        _info = info;
        _analyzer = new KnowledgeAnalyzer(synonyms);
        var output = _transformer.GetOutputSchema(_inputSchema);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        output["Score"].GetSlotNames(ref slotNames);
        ClassNames = slotNames.DenseValues().Select(n => n.ToString()).ToArray();
        _intents = ClassNames.Select(Intent.FromName).ToArray();
        FeatureCount = output["Features"].Type is VectorDataViewType vector ? vector.Size : 0;
        _engines = new PredictionEnginePool(() => _context.Model.CreatePredictionEngine<IntentInput, IntentOutput>(_transformer, _inputSchema), Math.Max(4, Environment.ProcessorCount * 2));
    }

    /// <summary>Every intent, in the order of <see cref="Probabilities"/>.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Below this probability the best intent is not trusted: the message is out of scope.</summary>
    public double Threshold => _info.Threshold;

    /// <summary>What every log-probability is multiplied by before the softmax (temperature scaling).</summary>
    public double Temperature => _info.Temperature;

    /// <summary>Hash of the utterances, synonyms and settings the model was trained on.</summary>
    public string TrainingHash => _info.TrainingHash;

    /// <summary>Length of the feature vector the trainer saw (word and character n-grams).</summary>
    public int FeatureCount { get; }

    public IntentPrediction Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = Probabilities(text);
        var ranked = new ScoredIntent[probabilities.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new ScoredIntent(_intents[i], probabilities[i]);
        }

        // Stable: ties keep the class order.
        var order = Enumerable.Range(0, ranked.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).Select(i => ranked[i]).ToArray();
        var best = order[0];
        var intent = best.Score >= Threshold ? best.Intent : Intent.OutOfScope;
        return new IntentPrediction(intent, best.Score, order);
    }

    /// <summary>The calibrated probability of each intent, in <see cref="ClassNames"/> order.</summary>
    public double[] Probabilities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lease = _engines.Rent();
        double[] scores;
        try
        {
            IntentText.Fill(lease.Input, text, _analyzer, _info.Options);
            var output = lease.Output;
            lease.Engine.Predict(lease.Input, ref output);
            lease.Output = output;
            scores = IntentPipeline.GivesMargins(_info.Options)
                ? Calibrated(output.Score, Temperature * _info.Options.MarginScale, margins: true)
                : Calibrated(output.Score, Temperature);
        }
        finally
        {
            _engines.Return(lease);
        }

        return scores;
    }

    /// <summary>
    /// softmax(temperature × log p) of the pipeline's probabilities (normalised first: one-versus-all
    /// ones need not add up to 1); with <paramref name="margins"/>, softmax(temperature × margin) of raw margins.
    /// </summary>
    internal static double[] Calibrated(IReadOnlyList<float> probabilities, double temperature, bool margins = false)
    {
        var scores = new double[probabilities.Count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = probabilities[i];
            scores[i] = margins
                ? temperature * (float.IsNaN(p) ? 0 : p)
                : temperature * Math.Log(Math.Max(float.IsNaN(p) ? 0 : p, 1e-30));
            max = Math.Max(max, scores[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }

        return scores;
    }

    /// <summary>Writes the model zip: a temporary file renamed into place, so a reader never sees half of one.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            _context.Model.Save(_transformer, _inputSchema, temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Update))
            {
                var entry = zip.CreateEntry(InfoEntry, CompressionLevel.Optimal);
                using var stream = entry.Open();
                JsonSerializer.Serialize(stream, _info, IntentModelInfoJsonContext.Default.IntentModelInfo);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// The training hash a model zip records, without loading the pipeline; <see cref="InvalidDataException"/>
    /// when it is no model zip of this format.
    /// </summary>
    /// <summary>Loads a model zip; <see cref="InvalidDataException"/> when it is not one, or of another format.</summary>
    public static IntentModel Load(string path, SynonymRules synonyms) => Read(path).Bind(synonyms);

    /// <summary>
    /// The first half of <see cref="Load"/>, which needs no synonyms: reads the zip's info and its ML.NET
    /// pipeline (most of the time a load takes), so it can run while the knowledge base is still being read.
    /// <see cref="InvalidDataException"/> when the file is not a model, or of another format.
    /// </summary>
    public static SavedIntentModel Read(string path)
    {
        var info = ReadInfo(path);
        try
        {
            var context = new MLContext(seed: 0);
            var transformer = context.Model.Load(path, out var schema);
            return new SavedIntentModel(new FittedIntentPipeline(context, transformer, schema), info);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path} cannot be read as an intent model: {ex.Message}", ex);
        }
    }

    /// <summary>A model zip as read (<see cref="Read"/>), before the analysis it classifies with is bound to it.</summary>
    public sealed class SavedIntentModel
    {
        private readonly FittedIntentPipeline _pipeline;
        private readonly IntentModelInfo _info;

        internal SavedIntentModel(FittedIntentPipeline pipeline, IntentModelInfo info) => (_pipeline, _info) = (pipeline, info);

        /// <summary>Hash of the utterances, synonyms and settings it was trained on.</summary>
        public string TrainingHash => _info.TrainingHash;

        /// <summary>The model, classifying with <paramref name="synonyms"/> (those it was trained with: see <see cref="TrainingHash"/>).</summary>
        public IntentModel Bind(SynonymRules synonyms) => new(_pipeline, _info, synonyms);
    }

    private static IntentModelInfo ReadInfo(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(InfoEntry) ?? throw new InvalidDataException($"{path} is not a CareerBot intent model (no {InfoEntry})");
            using var stream = entry.Open();
            var info = JsonSerializer.Deserialize(stream, IntentModelInfoJsonContext.Default.IntentModelInfo)
                ?? throw new InvalidDataException($"{path} has an empty {InfoEntry}");
            if (info.FormatVersion != FormatVersion)
            {
                throw new InvalidDataException($"{path} is model format {info.FormatVersion}, expected {FormatVersion}");
            }

            return info;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException && ex is not FileNotFoundException)
        {
            throw new InvalidDataException($"{path} cannot be read as an intent model: {ex.Message}", ex);
        }
    }

    /// <summary>Hash of what a model is trained on: the examples in order, the synonyms, the settings, the analysis and ML.NET's version.</summary>
    public static string ComputeTrainingHash(IReadOnlyList<LabeledUtterance> examples, SynonymRules synonyms, IntentTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new StringBuilder();
        builder.Append(FormatVersion).Append('/').Append(IntentText.Version).Append("/ML.NET ").Append(typeof(MLContext).Assembly.GetName().Version).Append('\n');
        builder.Append(options).Append('\n');
        foreach (var e in examples)
        {
            builder.Append(e.Intent).Append('\t').Append(e.Text).Append('\n');
        }

        foreach (var group in synonyms.Groups)
        {
            builder.Append(string.Join(',', group)).Append('\n');
        }

        foreach (var rule in synonyms.Conditional)
        {
            builder.Append(string.Join(',', rule.Members)).Append("->").Append(rule.Canonical).Append(" before ").Append(string.Join(',', rule.Before)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public void Dispose()
    {
        _engines.Dispose();
        _analyzer.Dispose();
    }
}
