using Microsoft.ML;

namespace CareerBot.Knowledge.Intents;

/// <summary>A fitted chain: the context it was fitted in, the transformer and the schema of its input rows.</summary>
internal sealed record FittedIntentPipeline(MLContext Context, ITransformer Transformer, DataViewSchema InputSchema);
