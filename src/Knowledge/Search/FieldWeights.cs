namespace CareerBot.Knowledge.Search;

/// <summary>BM25 weight of each searched field (0 leaves a field out of the query).</summary>
public sealed record FieldWeights(double Heading, double SectionPath, double Body, double AlternateQuestions, double GuideTitle);
