using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// Question in, answer out, in one visible sequence: understand the question (intent, follow-up,
/// query), retrieve and rank passages and decide whether they answer, compose the extractive
/// answer with citations and suggestions. Each step is a small class of its own; the engine only
/// routes between them. Immutable and thread-safe: all it knows is the <see cref="KnowledgeSnapshot"/>,
/// which builds one engine and serves every turn with it.
/// </summary>
public sealed class AnswerEngine
{
    /// <summary>Longest question text analysed; the rest is ignored, not rejected.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>A background is left out of a question only when at most one in this many of its words is one no guide uses.</summary>
    private const int MostlyKnown = 3;

    private readonly Understanding _understanding;
    private readonly Retrieval _retrieval;
    private readonly Composition _composition;

    public AnswerEngine(KnowledgeSnapshot knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        Knowledge = knowledge;
        _understanding = new Understanding(knowledge);
        _retrieval = new Retrieval(knowledge);
        _composition = new Composition(knowledge);
    }

    public KnowledgeSnapshot Knowledge { get; }

    public Answer Answer(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Text.Length <= MaxQuestionLength && EnumeratedQuestions.Split(question.Text) is { } questions)
        {
            // "1) do I need a PhD …, 2) how long …, 3) …": the first answered, the others offered next.
            var first = Answer(question with { Text = questions[0] }, mayFocus: true);
            // The questions are the list a next message points into ("going back to #3, …").
            return first with
            {
                Question = question.Text,
                Text = Replies.OneAtATime(questions.Count) + "\n\n" + first.Text,
                Suggestions = [.. questions.Skip(1).Take(MaxOfferedQuestions)],
                Context = first.Context with { Items = questions },
            };
        }

        return Closing(question, Answer(question, mayFocus: true));
    }

    /// <summary>
    /// Thanks for a decline of a message that only thanks and signs off ("Thank you very much, God bless"):
    /// no passage answers it because it asks nothing.
    /// </summary>
    private Answer Closing(Question question, Answer answer) =>
        answer.Unmatched && Courtesy.IsClosingThanks(question.Text)
            ? _composition.SmallTalk(answer.Question, AnswerKind.Thanks, answer.Intent, question.Previous)
            : answer;

    /// <summary>How many of a numbered message's other questions are offered to ask next.</summary>
    private const int MaxOfferedQuestions = 3;

    /// <summary>
    /// The answer to <paramref name="question"/>; when <paramref name="mayFocus"/> and no passage
    /// answers the whole message, the answer to the sentences of it that ask, if a passage answers those.
    /// </summary>
    private Answer Answer(Question question, bool mayFocus)
    {
        var turn = _understanding.Understand(question);
        var previous = turn.Previous;
        if (turn.Text.Length == 0)
        {
            return _composition.SmallTalk(turn.Text, AnswerKind.Help, turn.IntentScore, previous);
        }

        if (Wordless.Is(turn.Text))
        {
            // "👍", "??", "🤔": no words to search with, and the previous answer's words alone only
            // quoted that answer again.
            return Wordless.Approves(turn.Text)
                ? _composition.SmallTalk(turn.Text, AnswerKind.Thanks, turn.IntentScore, previous)
                : _composition.Unclear(turn.Text, turn.IntentScore, previous);
        }

        if (Acknowledgement.Is(turn.Text))
        {
            // "fair enough" after an answer quoted the bias-and-fairness passage, and "ok" or "i see" was
            // declined: nothing was asked.
            return _composition.Acknowledged(turn.Text, turn.IntentScore, previous);
        }

        if (previous is not null && Complaint.Is(turn.Text))
        {
            // "that was useless, it's just generic advice …" was declined as a question the guides cannot
            // answer, as if nothing had been said; the reply now owns the limit, and the turn counts it as a vote.
            return _composition.Unhelpful(turn.Text, turn.IntentScore, previous);
        }

        if (turn.IsMoreRequest)
        {
            return More(turn, previous!);
        }

        if (FormatRequest.AsksShorter(turn.Text))
        {
            return _composition.Shorter(turn, previous);
        }

        if (FollowUpResolver.AsksOtherGuides(turn.Text))
        {
            // "Do all the guides agree on that?" was declined naming the words after it, "do the other guides
            // say the same number?" as out of scope: the guides the last answer did not quote, on its point.
            // Before any answer that quoted a guide, there is nothing to set the others beside.
            if (previous is not { PassageIds.Count: > 0 })
            {
                return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.NothingToCompare);
            }

            var (otherQuery, otherRanked) = _retrieval.OtherGuides(previous);
            return _composition.OtherGuides(turn, previous, otherQuery, otherRanked);
        }

        if (FollowUpResolver.AsksForSources(turn.Text))
        {
            // "source?" and "which guide says that": where the previous answer came from; before
            // any answer ("where does your info come from?"), which guides the answers come from.
            return _composition.Sources(turn, previous);
        }

        if (TaskRequest.AsksToFabricate(turn.Text))
        {
            return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.Fabrication);
        }

        if (TaskRequest.AsksToWriteTheirs(turn.Text))
        {
            // "Then at least write my CV for a junior ML engineer position": the guides' steps to
            // the job, quoted in reply, would read as if they were the CV.
            return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.NoWriting);
        }

        if (!turn.IsFollowUp && TaskRequest.AsksToMakeSomething(turn.Text)
            && !(turn.Prediction.Intent.IsTopic && turn.Prediction.Score >= TaskRequest.SureTopic))
        {
            // "Translate thank you into French" is no thanks, and "write me a cover letter for an ML
            // job" (getting started at 0.39) no career question the guides answer; the reply says the
            // bot writes nothing, rather than that its guides lack "letter".
            return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.NoWriting);
        }

        if (ThisCompany.IsAskedAbout(turn.Text))
        {
            // "do you have any open ML positions at this company?": the guides cannot say, and
            // job-market figures quoted in reply would read as if they did.
            return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.ThisCompany);
        }

        if (Immigration.IsAskedAbout(turn.Text))
        {
            // "which visa should I apply for?" quoted the passage on standing out when applying as the
            // closest answer: no guide speaks of visas, and any passage quoted would read as if it did.
            return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.Immigration);
        }

        if (ThisCompany.IsOwnAskedAbout(turn.Text))
        {
            // "whether my company's staff level pays more than manager?": the pay passage quoted as
            // if it knew that company's ladder.
            return _composition.Decline(turn.Text, turn.IntentScore, previous, Replies.OwnCompany);
        }

        if (turn.Prediction.Intent.Kind is IntentKind.Greeting or IntentKind.Thanks or IntentKind.Goodbye
            && turn.Prediction.Score < FollowUpResolver.SmallTalkFloor && !turn.IsFollowUp)
        {
            // A weak small-talk reading is no small talk ("What's a good recipe for lasagne?" read as
            // a goodbye): not a greeting, thanks or goodbye, nor a career question either.
            return NotCovered(turn, previous);
        }

        IReadOnlyList<RankedPassage>? ranked = null; // a weak help that gives way to a topic has searched already
        switch (turn.Prediction.Intent.Kind)
        {
            case IntentKind.Greeting when !turn.IsFollowUp:
                return _composition.SmallTalk(turn.Text, AnswerKind.Greeting, turn.IntentScore, previous);
            case IntentKind.Thanks when !turn.IsFollowUp:
                return _composition.SmallTalk(turn.Text, AnswerKind.Thanks, turn.IntentScore, previous);
            case IntentKind.Goodbye when !turn.IsFollowUp:
                return _composition.SmallTalk(turn.Text, AnswerKind.Goodbye, turn.IntentScore, previous);
            case IntentKind.Help when !turn.IsFollowUp:
                if (turn.Prediction.Score < FollowUpResolver.SmallTalkFloor)
                {
                    // A weak reading of help that a passage on the likeliest topic answers well, or
                    // whose asking sentences are answered on their own ("Thank you very much for your
                    // kind answer. If it is not too much trouble, could you please tell me whether a
                    // PhD is necessary …?", help at 0.48): the question, not the help text.
                    if (_understanding.AsLikeliestTopic(turn) is { } topical
                        && _retrieval.Retrieve(topical) is [var top, ..] topicalRanked && top.Coverage >= Knowledge.Options.Retrieval.MinCoverage)
                    {
                        (turn, ranked) = (topical, topicalRanked);
                        break;
                    }

                    if (mayFocus && Focused(question, turn) is { } focusedQuestion)
                    {
                        return focusedQuestion;
                    }

                    if (turn.Query.Terms.Any(Knowledge.Lacks))
                    {
                        // "… whether that growth has slowed since the big tech layoffs in 2023?" (help
                        // at 0.43) asks for what the guides never mention: a decline naming it says
                        // so, where the help text would only list the topics again. A weak help that
                        // names nothing they lack keeps the help text.
                        return _composition.DeclineOnTopic(turn, previous);
                    }
                }

                return _composition.SmallTalk(turn.Text, AnswerKind.Help, turn.IntentScore, previous);
            case IntentKind.OutOfScope when !turn.IsFollowUp:
                if (_understanding.Rescue(turn) is not { } rescued)
                {
                    return NotCovered(turn, previous);
                }

                turn = rescued;
                break;
        }

        if (_understanding.AsksAboutAnotherOccupation(turn))
        {
            return _composition.Decline(turn.Text, turn.IntentScore, previous);
        }

        ranked ??= _retrieval.Retrieve(turn);
        if (ranked.Count == 0)
        {
            return (mayFocus ? Focused(question, turn) ?? Alone(question, turn) : null) ?? _composition.DeclineOnTopic(turn, previous);
        }

        if (turn.IsFollowUp && ranked[0].Coverage < Knowledge.Options.Retrieval.MinCoverage && _retrieval.Covering(ranked) is { } covering)
        {
            // The best-scored passage owes its place to the topic and the previous turn's words, while
            // one just below it covers what the message itself asks ("tell me more about the model
            // drift thing" after the challenges answer: the monitoring section, not the closest challenge).
            ranked = [covering, .. ranked.Where(r => r != covering)];
        }

        if (ranked[0].Coverage < Knowledge.Options.Retrieval.MinCoverage)
        {
            if (mayFocus && Focused(question, turn) is { } focused)
            {
                return focused;
            }

            return _retrieval.Closest(turn, ranked) is { } closest
                ? _composition.Answered(turn, ranked, [closest], closest: true)
                : (mayFocus ? Alone(question, turn) : null) ?? _composition.DeclineOnTopic(turn, previous);
        }

        return _composition.Answered(turn, ranked, _retrieval.ChooseViews(ranked, turn.Query.Topic));
    }

    /// <summary>
    /// A follow-up that the conversation's words drowned, answered on its own: after a long first message
    /// (a background, a mortgage, Java and Python) answered with the closest passage, "and like how long would
    /// that take?" searched with all of its words and was declined, where alone it finds the how-long
    /// passage. Only a plain answer on the conversation's topic counts: "is that number before tax or after"
    /// after the pay figures, read alone, found the industries passage.
    /// </summary>
    private Answer? Alone(Question question, QuestionAnalysis turn)
    {
        if (!turn.IsFollowUp || question.Previous?.Topic is not { } topic)
        {
            return null;
        }

        var alone = Answer(question with { Previous = null }, mayFocus: false);
        return alone.Answered && !alone.Closest && alone.Intent.Name == topic ? alone : null;
    }

    /// <summary>
    /// The answer to the sentences of a message that ask, when the message also tells something
    /// ("I'm in the 4th year of a PhD … Is a PhD an advantage for ML engineer roles?") and no passage
    /// answered it whole: the background's words dilute every passage's coverage. A background that
    /// is mostly words no guide uses ("I love baking sourdough bread. How do I get started?") says
    /// what the question is about, and is not left out, unless the asking sentences name the field.
    /// Only an answer that passes the bar on its own counts; a decline or a closest passage keeps the
    /// whole message's reply, which names what the guides lack; so does an asking part whose topic
    /// the classifier is unsure of.
    /// </summary>
    private Answer? Focused(Question question, QuestionAnalysis turn)
    {
        if (AskingPart.Split(turn.Text) is not { } parts)
        {
            return null;
        }

        var told = Knowledge.QueryAnalyzer.Tokens(parts.Telling).Where(s => !FramingWords.IsFramingTerm(s)).ToArray();
        if (told.Count(Knowledge.Lacks) * MostlyKnown > told.Length && !AsksAboutTheFieldInKnownWords(parts.Asking))
        {
            return null;
        }

        // The asking part must also read as a topic surely: "do i take a level cut? and what gaps
        // would i need to close" (education at 0.31) reached the bar through an alternate question
        // that says "cut demand", and quoted the passage on AI automation.
        var focused = Answer(question with { Text = parts.Asking }, mayFocus: false);
        return focused.Answered && !focused.Closest && focused.Intent.Score >= TaskRequest.SureTopic
            ? _composition.NamingTold(focused, parts.Asking, parts.Telling) with { Question = turn.Text }
            : null;
    }

    /// <summary>
    /// Whether <paramref name="asking"/> names the field and uses no word the guides lack: "… 8 years as
    /// a signals intelligence analyst. Is machine learning engineering realistic for someone like me
    /// with no degree?" is about the field, whatever the background's words. "Does my security
    /// clearance give me any edge for ML jobs? like with defense contractors" asks about the
    /// clearance, which no guide mentions.
    /// </summary>
    private bool AsksAboutTheFieldInKnownWords(string asking)
    {
        var terms = Knowledge.QueryAnalyzer.Tokens(asking);
        return _understanding.NamesTheField(terms) && !terms.Any(Knowledge.Lacks);
    }

    /// <summary>The reply to a message no intent covers: "did you mean" between two close topics, or a decline.</summary>
    private Answer NotCovered(QuestionAnalysis turn, ConversationContext? previous) =>
        _composition.DidYouMean(turn.Text, turn.Prediction, turn.IntentScore, previous) ?? _composition.Decline(turn.Text, turn.IntentScore, previous);

    /// <summary>The welcome for a new conversation: a greeting with sample questions.</summary>
    public Answer Welcome() => _composition.Welcome();

    /// <summary>The reply to "reset": context forgotten, sample questions offered.</summary>
    public Answer StartOver() => _composition.StartOver();

    /// <summary>
    /// The first half of a turn: the cleaned text, its intent, whether it follows up on the
    /// previous turn, and the retrieval query that results.
    /// </summary>
    public QuestionAnalysis Understand(Question question) => _understanding.Understand(question);

    /// <summary>Ranked passages for an understood turn (empty for small talk and declines by intent).</summary>
    public IReadOnlyList<RankedPassage> Retrieve(QuestionAnalysis turn) => _retrieval.Retrieve(turn);

    private Answer More(QuestionAnalysis turn, ConversationContext previous)
    {
        var (query, ranked) = _retrieval.More(previous);
        return ranked.Count == 0 || ranked[0].Coverage < Knowledge.Options.Retrieval.MinCoverage / 2
            ? _composition.NothingMore(turn.Text, previous, turn.IntentScore)
            : _composition.More(turn, previous, query, ranked);
    }
}
