namespace CareerBot.Knowledge.Answers;

/// <summary>What sort of reply an <see cref="Answer"/> is; renderers may style each differently.</summary>
public enum AnswerKind
{
    /// <summary>Quoted from the knowledge base, with citations.</summary>
    Answered,

    /// <summary>Out of scope, or nothing in the guides matches well enough.</summary>
    Declined,

    /// <summary>Two topics were close: the suggestions ask which one was meant.</summary>
    DidYouMean,
    Greeting,
    Thanks,
    Goodbye,
    Help,
}
