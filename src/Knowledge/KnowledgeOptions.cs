using System.ComponentModel.DataAnnotations;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace CareerBot.Knowledge;

/// <summary>Where the knowledge base and its built files live, and how answers are made.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Folder with guides/, intents/ and synonyms.txt.</summary>
    [Required]
    public string BasePath { get; set; } = "knowledge-base";

    /// <summary>Folder for the built index and model files.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    [ValidateObjectMembers]
    public RetrievalOptions Retrieval { get; set; } = new();

    [ValidateObjectMembers]
    public IntentTrainerOptions Trainer { get; set; } = new();

    [Range(0, 10)]
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Two topics this close in probability, both under the threshold, get a "did you mean".</summary>
    [Range(0.0, 1.0)]
    public double DidYouMeanMargin { get; set; } = 0.15;

    /// <summary>A second topic scoring at least this share of the first is suggested after an answer.</summary>
    [Range(0.0, 1.0)]
    public double DidYouMeanRatio { get; set; } = 0.8;

    /// <summary><c>eval</c> lists the guides whose <c>updated</c> date is older than this.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan StaleGuideAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The Lucene index folder.</summary>
    public string IndexPath => Path.Combine(DataPath, "index");

    public string ModelPath => Path.Combine(DataPath, "intent-model.zip");

    public string GuidesPath => Path.Combine(BasePath, "guides");

    public string IntentsPath => Path.Combine(BasePath, "intents");

    public string SynonymsPath => Path.Combine(BasePath, "synonyms.txt");

    /// <summary>Where <c>import</c> writes drafts and the pages they came from; the loader never reads it as guides.</summary>
    public string DraftsPath => Path.Combine(BasePath, "drafts");

    /// <summary>Saved source pages of published guides (<c>publish</c> moves a draft's page here); checked against every guide.</summary>
    public string SourcesPath => Path.Combine(BasePath, "sources");

    /// <summary>Optional list of further source files (one path a line, relative to the knowledge base) checked against every guide.</summary>
    public string SourceListPath => Path.Combine(BasePath, "sources.txt");
}
