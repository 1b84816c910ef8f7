using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge;

/// <summary>The whole knowledge base as read and checked: every problem, and what could be read.</summary>
public sealed record KnowledgeCheck(
    KnowledgeDiagnostics Diagnostics,
    SynonymMap Synonyms,
    Analysis.SynonymRules Rules,
    UtteranceSet Utterances,
    IReadOnlyList<Guide> Guides);
