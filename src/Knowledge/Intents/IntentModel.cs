using System.Text;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// A trained linear intent classifier (multinomial logistic regression, optionally blended
/// with one-vs-rest linear SVMs; see <see cref="IntentTrainer"/>) whose scores a softmax turns
/// into probabilities. Immutable after
/// construction, so one instance serves every turn on every thread.
/// </summary>
public sealed class IntentModel : IIntentClassifier
{
    public const int FormatVersion = 2;
    private const string Magic = "CBIM";

    private readonly Dictionary<ulong, int> _features;
    private readonly float[] _idf;
    private readonly float[] _weights; // feature-major: [feature * classes + class]
    private readonly float[] _bias;
    private readonly Intent[] _intents;
    private readonly FeatureExtractor _extractor;

    internal IntentModel(string[] classNames, Dictionary<ulong, int> features, float[] idf, float[] weights, float[] bias, double threshold, string trainingHash, FeatureExtractor extractor)
    {
        ClassNames = classNames;
        _intents = classNames.Select(Intent.FromName).ToArray();
        _features = features;
        _idf = idf;
        _weights = weights;
        _bias = bias;
        Threshold = threshold;
        TrainingHash = trainingHash;
        _extractor = extractor;
    }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Below this probability the best intent is not trusted: the message is out of scope.</summary>
    public double Threshold { get; }

    /// <summary>Hash of the utterances and synonyms the model was trained on.</summary>
    public string TrainingHash { get; }

    public int FeatureCount => _idf.Length;

    public IntentPrediction Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = Probabilities(text);
        var ranked = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i]).ThenBy(i => i)
            .Select(i => new ScoredIntent(_intents[i], probabilities[i]))
            .ToArray();
        var best = ranked[0];
        var intent = best.Score >= Threshold ? best.Intent : Intent.OutOfScope;
        return new IntentPrediction(intent, best.Score, ranked);
    }

    /// <summary>The probability of each class, in <see cref="ClassNames"/> order.</summary>
    public double[] Probabilities(string text)
    {
        var vector = Vectorize(text);
        var classes = _intents.Length;
        var scores = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            scores[c] = _bias[c];
        }

        foreach (var (feature, value) in vector)
        {
            var row = feature * classes;
            for (var c = 0; c < classes; c++)
            {
                scores[c] += value * _weights[row + c];
            }
        }

        Softmax(scores);
        return scores;
    }

    internal List<(int Feature, float Value)> Vectorize(string text) => Vectorize(_extractor, _features, _idf, text);

    // One count table per thread, cleared after use: a new one per message, grown from empty, was the
    // largest allocation of a turn.
    [ThreadStatic]
    private static Dictionary<ulong, int>? t_counts;

    internal static List<(int Feature, float Value)> Vectorize(FeatureExtractor extractor, Dictionary<ulong, int> features, float[] idf, string text)
    {
        var counts = t_counts ??= new Dictionary<ulong, int>(1024);
        counts.Clear();
        extractor.Extract(text, counts);
        var vector = new List<(int, float)>(counts.Count);
        var norm = 0.0;
        foreach (var (hash, count) in counts)
        {
            if (features.TryGetValue(hash, out var index))
            {
                var value = (float)((1.0 + Math.Log(count)) * idf[index]);
                vector.Add((index, value));
                norm += value * value;
            }
        }

        if (norm > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(norm));
            for (var i = 0; i < vector.Count; i++)
            {
                vector[i] = (vector[i].Item1, vector[i].Item2 * scale);
            }
        }

        vector.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return vector;
    }

    internal static void Softmax(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
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
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Encoding.ASCII.GetBytes(Magic));
                writer.Write(FormatVersion);
                writer.Write(TrainingHash);
                writer.Write(Threshold);
                writer.Write(_extractor.Stems);
                writer.Write(ClassNames.Count);
                foreach (var name in ClassNames)
                {
                    writer.Write(name);
                }

                writer.Write(_idf.Length);
                foreach (var (hash, index) in _features.OrderBy(f => f.Value))
                {
                    writer.Write(hash);
                    writer.Write(_idf[index]);
                }

                foreach (var w in _weights)
                {
                    writer.Write(w);
                }

                foreach (var b in _bias)
                {
                    writer.Write(b);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Loads a model file; <see cref="InvalidDataException"/> when it is not one, or of another version.</summary>
    public static IntentModel Load(string path, SynonymMap synonyms)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic)
            {
                throw new InvalidDataException($"{path} is not a CareerBot intent model");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"{path} is model format {version}, expected {FormatVersion}");
            }

            var hash = reader.ReadString();
            var threshold = reader.ReadDouble();
            var stems = reader.ReadBoolean();
            var classCount = reader.ReadInt32();
            if (classCount is < 1 or > 10_000)
            {
                throw new InvalidDataException($"{path} has an implausible class count {classCount}");
            }

            var names = new string[classCount];
            for (var i = 0; i < classCount; i++)
            {
                names[i] = reader.ReadString();
            }

            var featureCount = reader.ReadInt32();
            if (featureCount < 0 || (long)featureCount * classCount * 4 > stream.Length)
            {
                throw new InvalidDataException($"{path} has an implausible feature count {featureCount}");
            }

            var features = new Dictionary<ulong, int>(featureCount);
            var idf = new float[featureCount];
            for (var i = 0; i < featureCount; i++)
            {
                features[reader.ReadUInt64()] = i;
                idf[i] = reader.ReadSingle();
            }

            var weights = new float[featureCount * classCount];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            var bias = new float[classCount];
            for (var i = 0; i < classCount; i++)
            {
                bias[i] = reader.ReadSingle();
            }

            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{path} has trailing bytes");
            }

            return new IntentModel(names, features, idf, weights, bias, threshold, hash, new FeatureExtractor(synonyms, stems));
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException)
        {
            throw new InvalidDataException($"{path} cannot be read as an intent model: {ex.Message}", ex);
        }
    }
}
