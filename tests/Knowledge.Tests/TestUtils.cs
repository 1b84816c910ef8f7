using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests;

/// <summary>A small knowledge base written to a temporary folder, deleted on dispose.</summary>
internal sealed class TempKnowledgeBase : IDisposable
{
    public const string GuideA = """
        ---
        id: guide-a
        title: Guide A
        source: '"Guide A" (a test site)'
        updated: 2026-01-15
        summary: A small guide for tests.
        ---

        ## What the role is
        <!-- topics: responsibilities -->
        Machine learning engineers build systems that learn from data. They deploy models to production.

        ## Salary by level
        <!-- topics: salary, career_path -->
        Junior engineers earn about $100,000 a year. Senior engineers earn about $160,000 a year.
        Principal engineers earn about $220,000 a year.

        ## Skills
        <!-- topics: skills -->
        The core skills are:
        - Python programming
        - Linear algebra and statistics
        - C++ for fast inference

        ## Frequently asked questions
        ### Do I need a PhD?
        <!-- topics: education -->
        A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers.

        ### How is the role different from a data scientist?
        <!-- topics: role_comparison -->
        Data scientists analyse data and run experiments. Machine learning engineers turn models into reliable software.
        """;

    public const string GuideB = """
        ---
        id: guide-b
        title: Guide B
        source: '"Guide B" (another test site)'
        updated: 2025-06-01
        summary: A second guide that disagrees.
        ---

        ## Required education
        <!-- topics: education -->
        Employers expect a Master's or PhD in computer science or a related field.

        ## Weather on the coast
        <!-- topics: job_market -->
        Remote work is common, so engineers can live anywhere.
        """;

    public TempKnowledgeBase(string? guideA = null, string? guideB = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "careerbot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "knowledge-base", "guides"));
        Directory.CreateDirectory(Path.Combine(Root, "knowledge-base", "intents"));
        File.WriteAllText(Path.Combine(GuidesPath, "guide-a.md"), guideA ?? GuideA);
        File.WriteAllText(Path.Combine(GuidesPath, "guide-b.md"), guideB ?? GuideB);
        File.WriteAllText(Path.Combine(BasePath, "synonyms.txt"), """
            # test synonyms
            machine learning, ml
            salary, pay, earn, earnings, paid
            phd, doctorate
            """);
        foreach (var (intent, lines) in Utterances)
        {
            File.WriteAllLines(Path.Combine(IntentsPath, intent + ".txt"), [$"# {intent}: test intent", .. lines]);
        }
    }

    public static readonly IReadOnlyDictionary<string, string[]> Utterances = new Dictionary<string, string[]>
    {
        ["salary"] = ["how much do ml engineers earn", "what is the salary", "pay for senior engineers", "how much money will I make", "salary of a junior", "what do they get paid", "compensation for principal engineers", "earnings by level"],
        ["education"] = ["do I need a phd", "is a degree required", "what should I study", "master's or phd", "which degree do employers expect", "education requirements", "do i need a doctorate", "is college necessary"],
        ["skills"] = ["what skills do I need", "which programming languages", "should I learn python", "is c++ useful", "what maths is needed", "tools to learn", "key skills", "technical skills list"],
        ["responsibilities"] = ["what does an ml engineer do", "daily tasks", "what is the job like", "duties of the role", "what do they work on", "day to day work", "what is the role", "job description"],
        ["role_comparison"] = ["ml engineer vs data scientist", "difference from a data scientist", "data scientist or ml engineer", "compare with software engineer", "how is it different", "which role is better", "mle versus ds", "data science vs ml engineering"],
        ["career_path"] = ["what comes after senior", "career levels", "how do I get promoted", "principal engineer path", "career progression", "what is the next step", "levels of seniority", "long term career"],
        ["job_market"] = ["is remote work common", "job outlook", "is there demand", "which industries hire", "can I work remotely", "job growth", "who is hiring", "market for ml jobs"],
        ["greeting"] = ["hi", "hello", "hey there", "good morning", "hiya", "hello bot", "greetings", "hey"],
        ["thanks"] = ["thanks", "thank you", "cheers", "thanks a lot", "much appreciated", "thank you so much", "thx", "great thanks"],
        ["goodbye"] = ["bye", "goodbye", "see you", "that's all", "bye bye", "see you later", "i'm done", "farewell"],
        ["help"] = ["help", "what can you do", "how does this work", "what can I ask", "menu", "options", "instructions", "what do you know"],
        ["out_of_scope"] = ["what's the weather in seattle", "google stock price", "how do I train my dog", "tell me a joke", "reset my password", "best pizza nearby", "who won the game", "write a python function to sort a list", "how to become a nurse", "book a flight"],
    };

    public string Root { get; }

    public string BasePath => Path.Combine(Root, "knowledge-base");

    public string GuidesPath => Path.Combine(BasePath, "guides");

    public string IntentsPath => Path.Combine(BasePath, "intents");

    public KnowledgeOptions Options() => new()
    {
        BasePath = BasePath,
        DataPath = Path.Combine(Root, "data"),
        Trainer = new IntentTrainerOptions { Folds = 2 },
    };

    public KnowledgeSnapshot Load() => new KnowledgeLoader(Options()).Load();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system: the temp folder is cleaned later.
        }
    }
}

/// <summary>The repository's own knowledge base, found from the test's folder upwards.</summary>
internal static class RepositoryKnowledgeBase
{
    public static KnowledgeOptions Options()
    {
        var options = new KnowledgeOptions { DataPath = Path.Combine(Path.GetTempPath(), "careerbot-repo-kb-" + Environment.ProcessId) };
        KnowledgePaths.Resolve(options, AppContext.BaseDirectory);
        return options;
    }

    private static readonly Lazy<KnowledgeSnapshot> Shared = new(() => new KnowledgeLoader(Options()).Load());

    /// <summary>One snapshot for every test that reads the real knowledge base (it is immutable).</summary>
    public static KnowledgeSnapshot Snapshot => Shared.Value;
}

/// <summary>
/// A classifier that answers from a keyword table, so engine tests do not depend on what a
/// model learned: the first rule whose keyword the text contains wins.
/// </summary>
internal sealed class FakeClassifier(params (string Keyword, string Intent, double Score)[] rules) : CareerBot.Knowledge.Intents.IIntentClassifier
{
    public IReadOnlyList<string> ClassNames { get; } =
        ["career_path", "education", "goodbye", "greeting", "help", "job_market", "out_of_scope", "responsibilities", "role_comparison", "salary", "skills", "thanks"];

    /// <summary>Below it a rule's intent reads as out of scope; the trained model's is 0 (its out-of-scope class does the work).</summary>
    public double Threshold { get; init; } = 0.5;

    public CareerBot.Knowledge.Intents.IntentPrediction Classify(string text)
    {
        foreach (var (keyword, intent, score) in rules)
        {
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return Prediction(intent, score);
            }
        }

        return Prediction("out_of_scope", 0.9);
    }

    private CareerBot.Knowledge.Intents.IntentPrediction Prediction(string intent, double score)
    {
        var best = CareerBot.Knowledge.Intents.Intent.FromName(intent);
        var ranked = new List<CareerBot.Knowledge.Intents.ScoredIntent> { new(best, score) };
        ranked.AddRange(ClassNames.Where(n => n != intent).Take(2).Select(n => new CareerBot.Knowledge.Intents.ScoredIntent(CareerBot.Knowledge.Intents.Intent.FromName(n), (1 - score) / 2)));
        return new(score >= Threshold ? best : CareerBot.Knowledge.Intents.Intent.OutOfScope, score, ranked);
    }
}
