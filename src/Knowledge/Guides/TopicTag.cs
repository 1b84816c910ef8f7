using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Guides;

/// <summary>A topic named by a guide's <c>&lt;!-- topics: ... --&gt;</c> comment, with the comment's line.</summary>
public sealed record TopicTag(Topic Topic, int Line);
