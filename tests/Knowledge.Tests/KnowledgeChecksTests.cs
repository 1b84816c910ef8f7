namespace CareerBot.Knowledge.Tests;

public sealed class KnowledgeChecksTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    private string GuideAPath => Path.Combine(_kb.GuidesPath, "guide-a.md");

    [Theory]
    [InlineData("skils", "topic 'skils' has no intent file (intents/skils.txt), so no question is routed to it; did you mean 'skills'?")]
    [InlineData("interviews", "topic 'interviews' has no intent file (intents/interviews.txt), so no question is routed to it; topics are career_path, education, job_market, responsibilities, role_comparison, salary, skills")]
    [InlineData("greeting", "'greeting' is a conversational intent, not a topic; topics are career_path, education, job_market, responsibilities, role_comparison, salary, skills")]
    public void BuildIndex_TopicWithoutIntentFile_FailsNamingFileAndLine(string topic, string problem)
    {
        File.WriteAllText(GuideAPath, TempKnowledgeBase.GuideA.Replace("<!-- topics: skills -->", $"<!-- topics: {topic} -->", StringComparison.Ordinal));
        var loader = new KnowledgeLoader(_kb.Options());

        var ex = Assert.Throws<KnowledgeBaseException>(() => loader.BuildIndex());

        Assert.Equal($"{GuideAPath}:19: {problem}", ex.Message);
        Assert.False(File.Exists(_kb.Options().IndexPath));
    }

    [Fact]
    public void Check_MistakesInEveryKindOfFile_AreAllReportedInOneRun()
    {
        File.WriteAllText(GuideAPath, TempKnowledgeBase.GuideA
            .Replace("<!-- topics: skills -->", "<!-- topics: skils -->", StringComparison.Ordinal)
            .Replace("<!-- topics: role_comparison -->", "<!-- topics: TODO -->", StringComparison.Ordinal));
        File.AppendAllLines(Path.Combine(_kb.IntentsPath, "skills.txt"), ["What is the salary"]);
        File.AppendAllText(Path.Combine(_kb.BasePath, "synonyms.txt"), "\nwage, pay\n");

        var check = new KnowledgeLoader(_kb.Options()).Check();

        Assert.Equal(
            string.Join('\n',
        [
            $"error: {_kb.BasePath}/synonyms.txt:5: 'pay' is already in the group on line 3; a term belongs to one group, so this one never applies to it",
            $"error: {_kb.IntentsPath}/skills.txt:10: 'What is the salary' is also an utterance of 'salary' (salary.txt:3); keep it in one intent",
            $"error: {GuideAPath}:31: 'TODO' is not a topic name",
            $"error: {GuideAPath}:19: topic 'skils' has no intent file (intents/skils.txt), so no question is routed to it; did you mean 'skills'?",
            $"warning: {_kb.IntentsPath}/role_comparison.txt:0: no guide passage is tagged 'role_comparison', so questions about it are declined",
            $"warning: {_kb.IntentsPath}/skills.txt:0: no guide passage is tagged 'skills', so questions about it are declined",
        ]), string.Join('\n', check.Diagnostics.Items.Select(d => d.ToString())));
    }

    [Fact]
    public void Check_GuideRepeatingItsSourcePage_IsAnErrorWithTheRun()
    {
        var sources = Path.Combine(_kb.BasePath, "sources");
        Directory.CreateDirectory(sources);
        File.WriteAllText(Path.Combine(sources, "guide-a.source.html"), "<html><body><p>Data scientists analyse data and run experiments. Machine learning engineers turn models into reliable software.</p></body></html>");

        var check = new KnowledgeLoader(_kb.Options()).Check();

        var error = Assert.Single(check.Diagnostics.Items);
        Assert.Equal($"error: {GuideAPath}:32: 15 words as in the source guide-a.source.html, restate them in our own words: \"data scientists analyse data and run experiments. machine learning engineers turn models into reliable software.\"", error.ToString());
        Assert.Throws<KnowledgeBaseException>(() => new KnowledgeLoader(_kb.Options()).BuildIndex());
    }

    [Fact]
    public void Check_SourceList_ChecksListedFilesAndWarnsAboutMissingOnes()
    {
        var page = Path.Combine(_kb.Root, "saved-page.txt");
        File.WriteAllText(page, "Employers expect a Master's or PhD in computer science or a related field.");
        File.WriteAllLines(Path.Combine(_kb.BasePath, "sources.txt"), ["# pages the guides were written from", "../saved-page.txt", "../gone.html"]);

        var check = new KnowledgeLoader(_kb.Options()).Check();

        Assert.Equal(
            string.Join('\n',
        [
            $"warning: {_kb.BasePath}/sources.txt:3: source '../gone.html' is not there, so no guide is checked against it",
            $"error: {_kb.GuidesPath}/guide-b.md:11: 13 words as in the source saved-page.txt, restate them in our own words: \"employers expect a master's or phd in computer science or a related field.\"",
        ]), string.Join('\n', check.Diagnostics.Items.Select(d => d.ToString())));
    }

    [Fact]
    public void Check_NoSourcesAtAll_IsNoProblem()
    {
        var check = new KnowledgeLoader(_kb.Options()).Check();

        Assert.Empty(check.Diagnostics.Items);
        Assert.Equal(2, check.Guides.Count);
    }
}
