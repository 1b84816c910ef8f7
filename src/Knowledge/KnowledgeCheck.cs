using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge;

/// <summary>The whole knowledge base as read and checked: every problem, and what could be read.</summary>
public sealed record KnowledgeCheck(
    KnowledgeDiagnostics Diagnostics,
    Analysis.SynonymRules Rules,
    UtteranceSet Utterances,
    IReadOnlyList<Guide> Guides);
