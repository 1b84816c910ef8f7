using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The last step: the <see cref="Answer"/> itself. The extractive text with its citations from
/// the chosen passages, the context the next turn follows up on, the suggested questions, and the
/// replies that cite nothing (small talk, declines, "did you mean", the welcome). Holds nothing
/// but the snapshot, so one instance serves every turn.
/// </summary>
internal sealed partial class Composition(KnowledgeSnapshot knowledge)
{
    /// <summary>
    /// How many terms a turn leaves for the next. A long message leaves its last ones, where it asks:
    /// the 47 terms of a physics graduate's life story, carried into "what do you mean by MLOps
    /// exactly", outweighed its one term and the bot declined it.
    /// </summary>
    private const int MaxContextTerms = 12;

    /// <summary>How many of the best-ranked passages lend their topics to the suggestions.</summary>
    private const int RelatedPassages = 10;

    /// <summary>The least probability that makes a topic of the classifier's a related one.</summary>
    private const double RelatedIntentScore = 0.02;

    private KnowledgeSnapshot Knowledge { get; } = knowledge;

    /// <summary>A text's stems as the query has them (typo correction included), for a comparison's sides.</summary>
    private IReadOnlyList<string> QueryStems(string text) => KnowledgeSnapshot.Distinct(Knowledge.QueryAnalyzer.Tokens(text));

    /// <summary>
    /// The answer from the chosen passages (<paramref name="views"/>) of the ranked ones; when
    /// <paramref name="closest"/>, opened by a line saying it is only the closest the guides come.
    /// </summary>
    public Answer Answered(QuestionAnalysis turn, IReadOnlyList<RankedPassage> ranked, IReadOnlyList<Passage> views, bool closest = false)
    {
        var (answerText, citations) = Compose(views, turn.Query, FocusOf(turn));
        var someTermLacking = AnyLacking(turn.Query.Terms);
        var names = UncoveredNames(turn.Text, someTermLacking);
        if (names.Count == 0 && someTermLacking && IsKeywords(turn.Text))
        {
            // "mle salary europe": a word of a few typed as keywords that the guides lack and that is
            // no English word is a name, said above what they say in general (the US pay). An English
            // one is as often only a word the guides put otherwise ("remote jobs for graduates").
            names = [.. UnknownWords(turn.Text).Where(w => !IsEnglishWord(w))];
        }
        if (names.Count > 0 || closest)
        {
            answerText = Replies.Preface(names, closest) + "\n\n" + answerText;
        }

        if (TaskRequest.AsksForReview(turn.Text))
        {
            answerText = Replies.NoReview + "\n\n" + answerText;
        }

        var terms = turn.Query.Terms;
        var kept = terms.Count > MaxContextTerms ? terms.Skip(terms.Count - MaxContextTerms) : terms;
        var context = new ConversationContext(
            turn.Query.Topic?.Name, turn.Resolved, [.. kept, .. turn.Query.ContextTerms.Take(Math.Max(0, MaxContextTerms - terms.Count))],
            views.Select(p => p.Id).ToArray())
        {
            Unfinished = citations[0].Quote.Length < views[0].Text.Length ? views[0].Id : null,
            Items = ItemsOf(citations, views, turn),
        };
        var suggestions = Suggest(turn.Text, turn.Query.Terms, ranked, views, turn.Query.Topic, turn.Prediction, turn.Previous);
        IReadOnlyList<RankedPassage> opening = closest ? [.. ranked.Where(r => r.Passage == views[0]), .. ranked.Where(r => r.Passage != views[0])] : ranked;
        return new Answer(turn.Text, AnswerKind.Answered, answerText, citations, turn.IntentScore, ranked[0].Score * Math.Max(turn.Prediction.Score, 0.5), suggestions, context)
        {
            Ranking = opening,
            Closest = closest,
        };
    }

    /// <summary>
    /// <paramref name="answer"/> to the asking sentences of a message alone, when they ask for a figure,
    /// under the line that names the places its telling sentences put the asker in and no guide covers:
    /// "What's a fair salary range? We're in Berlin but open to remote" quoted the US pay as if it were
    /// Berlin's. Where no figure is asked for, the asker's home only tells who asks ("I am a new graduate
    /// working in Tokyo office … what are the most important skills"), and a line naming it would be noise;
    /// so would a year the asker mentions. An answer that names something already keeps its line.
    /// </summary>
    public Answer NamingTold(Answer answer, string asking, string telling)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Closest || answer.Text.StartsWith(Replies.PrefaceOpening, StringComparison.Ordinal) || !QuoteFocus.AsksForFigure(asking))
        {
            return answer;
        }

        var names = UncoveredNames(telling, someTermLacking: false).Where(n => !IsYear(n)).ToArray();
        return names.Length == 0 ? answer : answer with { Text = Replies.Preface(names, closest: false) + "\n\n" + answer.Text };
    }

    /// <summary>
    /// What a next message can point into by place: the first list the quotes hold; for a follow-up
    /// that quoted none ("tell me more about the second one" answered from a section without a list),
    /// the list the previous reply held, so "and the last one?" still points into it; otherwise, when
    /// the reply cites several sources, their sections ("the second one" is source [2]).
    /// </summary>
    private static IReadOnlyList<string> ItemsOf(IReadOnlyList<Citation> citations, IReadOnlyList<Passage> views, QuestionAnalysis turn) =>
        ListedItems.Of(citations.Select(c => c.Quote)) is { Count: > 0 } items ? items
        : turn.IsFollowUp && turn.Previous is { Items.Count: > 0 } previous ? previous.Items
        : views.Count > 1 ? [.. views.Select(p => p.Heading)]
        : [];

    /// <summary>
    /// What the quotes must carry for <paramref name="turn"/>. A follow-up that compares nothing itself
    /// ("which one pays more?", "why?" after "ML engineer vs data scientist") still asks about both
    /// things the previous question compared, so it keeps that question's sides.
    /// </summary>
    private QuoteFocus FocusOf(QuestionAnalysis turn)
    {
        if (turn.Item is { } item && turn.Previous is { } asked)
        {
            // An item is a statement, not a question: "R or Julia" in it compares nothing. The
            // question is what the message asks about the item, or else the previous one, narrowed to it.
            return QuoteFocus.Of(item.Rest.Length > 0 ? item.Rest : asked.Question, QueryStems, turn.Year);
        }

        var focus = QuoteFocus.Of(turn.Resolved, QueryStems, turn.Year);
        return focus.Sides.Count == 0 && turn.IsFollowUp && turn.Previous is { } previous
            ? focus with { Sides = QuoteFocus.Of(previous.Question, QueryStems, turn.Year).Sides }
            : focus;
    }

    /// <summary>
    /// "Tell me more": what the previous answer left out of the passage it quoted only in part (and
    /// the next passage when that is a sentence or two), or else the best passage not shown yet,
    /// quoted at length; added to the context.
    /// </summary>
    public Answer More(QuestionAnalysis turn, ConversationContext previous, RetrievalQuery query, IReadOnlyList<RankedPassage> ranked)
    {
        // "why?" is answered from the passage quoted in part, first from what stands before that part: the pay
        // passage gives its reason for the high pay before the figures quoted, and what follows them is another point.
        var why = FollowUpResolver.AsksWhy(turn.Text);
        var focus = QuoteFocus.Of(previous.Question, QueryStems, turn.Year) with { More = true, ContinuesIn = previous.Unfinished, Reason = why };
        IReadOnlyList<Passage> passages = [ranked[0].Passage];
        var (answerText, citations) = Compose(passages, query, focus);
        if (!why && citations[0].PassageId == previous.Unfinished && citations[0].Quote.Length < Math.Min(ShortRest, ranked[0].Passage.Text.Length)
            && ranked.Count > 1 && ranked[1].Coverage >= Knowledge.Options.Retrieval.MinCoverage / 2)
        {
            // The rest of the passage quoted in part is a sentence or two: the next passage too, so
            // that "tell me more" gives more than one sentence.
            passages = [ranked[0].Passage, ranked[1].Passage];
            (answerText, citations) = Compose(passages, query, focus);
        }

        return OnPreviousPoint(turn, previous, query, ranked, passages, answerText, citations);
    }

    /// <summary>
    /// An answer on the previous question's point from further passages ("tell me more", "do the other guides
    /// agree?"): the passages join the ones the thread has shown, and the list they quote is the one a pointer
    /// ("the second one") then reads.
    /// </summary>
    private Answer OnPreviousPoint(
        QuestionAnalysis turn, ConversationContext previous, RetrievalQuery query, IReadOnlyList<RankedPassage> ranked,
        IReadOnlyList<Passage> passages, string answerText, IReadOnlyList<Citation> citations)
    {
        var context = previous with
        {
            PassageIds = [.. previous.PassageIds.Where(id => !passages.Any(p => p.Id == id)), .. passages.Select(p => p.Id)],
            Unfinished = null,
            Items = ListedItems.Of(citations.Select(c => c.Quote)),
        };
        var suggestions = Suggest(previous.Question, previous.Terms, ranked, passages, query.Topic, prediction: null, previous);
        return new Answer(turn.Text, AnswerKind.Answered, answerText, citations, new IntentScore(previous.Topic ?? turn.IntentScore.Name, turn.IntentScore.Score), ranked[0].Score, suggestions, context)
        {
            Ranking = ranked,
        };
    }

    /// <summary>
    /// "do the other guides agree?": what the guides the previous answer did not quote say on its point,
    /// one passage from each of up to <see cref="MaxOtherGuides"/> of them, under a lead-in that keeps each
    /// claim with its guide. When none speaks to it, the reply names the guides that do.
    /// </summary>
    public Answer OtherGuides(QuestionAnalysis turn, ConversationContext previous, RetrievalQuery query, IReadOnlyList<RankedPassage> ranked)
    {
        var floor = Knowledge.Options.Retrieval.MinCoverage;
        var passages = ranked.Where(r => r.Coverage >= floor).Select(r => r.Passage).DistinctBy(p => p.GuideId).Take(MaxOtherGuides).ToList();
        if (passages.Count == 0)
        {
            var titles = Cited(previous).Select(p => p.GuideTitle).Distinct(StringComparer.Ordinal).ToList();
            var intent = new IntentScore(previous.Topic ?? turn.IntentScore.Name, turn.IntentScore.Score);
            return new Answer(turn.Text, AnswerKind.Declined, Replies.OnlyGuide(titles), [], intent, 0, Samples(3), previous);
        }

        var (answerText, citations) = Compose(passages, query, QuoteFocus.Of(previous.Question, QueryStems, turn.Year));
        return OnPreviousPoint(turn, previous, query, ranked, passages, Replies.OtherGuides + "\n\n" + answerText, citations);
    }

    /// <summary>How many other guides' passages answer "do the other guides agree?".</summary>
    private const int MaxOtherGuides = 2;

    /// <summary>Below this many characters, the rest of a passage quoted in part is followed by the next passage.</summary>
    private const int ShortRest = 200;

    /// <summary>
    /// "source?": the previous answer's passages cited again, with the quotes it took from them, and
    /// each guide's title, section, date and the public guide it is written from. The context stays.
    /// With no answer before it ("where does your info come from?"), every guide with its date and origin.
    /// </summary>
    public Answer Sources(QuestionAnalysis turn, ConversationContext? previous)
    {
        if (previous is null || previous.PassageIds.Count == 0)
        {
            return Guides(turn, previous);
        }

        var views = Cited(previous);
        if (views.Count == 0)
        {
            return Guides(turn, previous);
        }

        var query = PreviousQuery(previous);
        var (_, citations) = Compose(views, query, QuoteFocus.Of(previous.Question, QueryStems, turn.Year));
        var suggestions = Suggest(previous.Question, previous.Terms, [], views, query.Topic, prediction: null, previous);
        return new Answer(turn.Text, AnswerKind.Answered, Replies.Sources(citations), citations, new IntentScore(previous.Topic ?? turn.IntentScore.Name, turn.IntentScore.Score), 1, suggestions, previous);
    }

    /// <summary>
    /// "can you say that shorter": the previous answer's first passage quoted again, one sentence
    /// of it (or a list's first items). A "tell me more" after it quotes that passage at length. With
    /// no answer before it, there is nothing to shorten, and the reply says so.
    /// </summary>
    public Answer Shorter(QuestionAnalysis turn, ConversationContext? previous)
    {
        if (previous is null || Cited(previous) is not [var passage, ..])
        {
            return new(turn.Text, AnswerKind.Declined, Replies.NothingToShorten, [], turn.IntentScore, 0, Samples(3), previous ?? Empty(turn.Text));
        }

        var query = PreviousQuery(previous);
        var (answerText, citations) = Compose([passage], query, QuoteFocus.Of(previous.Question, QueryStems, turn.Year) with { Short = true });
        var suggestions = Suggest(previous.Question, previous.Terms, [], [passage], query.Topic, prediction: null, previous);
        var context = previous with { PassageIds = [passage.Id], Unfinished = passage.Id, Items = ListedItems.Of(citations.Select(c => c.Quote)) };
        return new Answer(turn.Text, AnswerKind.Answered, answerText, citations, new IntentScore(previous.Topic ?? turn.IntentScore.Name, turn.IntentScore.Score), 1, suggestions, context);
    }

    /// <summary>The passages <paramref name="previous"/> cited, in its order, that this knowledge base still has.</summary>
    private List<Passage> Cited(ConversationContext previous)
    {
        // One pass over the passages, however many the previous answer cited, then in its order.
        var cited = new Dictionary<string, Passage>(previous.PassageIds.Count, StringComparer.Ordinal);
        foreach (var id in previous.PassageIds)
        {
            cited[id] = null!;
        }

        foreach (var passage in Knowledge.Passages)
        {
            if (cited.ContainsKey(passage.Id))
            {
                cited[passage.Id] = passage;
            }
        }

        return previous.PassageIds.Select(id => cited[id]).OfType<Passage>().Distinct().ToList();
    }

    /// <summary>The previous turn's terms and topic as a query, to quote its passages again.</summary>
    private static RetrievalQuery PreviousQuery(ConversationContext previous) =>
        new(previous.Terms, [], previous.Topic is { } name ? new Topic(name) : null, new HashSet<string>());

    /// <summary>Nothing quoted yet (or nothing this knowledge base still has): what every answer is quoted from.</summary>
    private Answer Guides(QuestionAnalysis turn, ConversationContext? previous) =>
        new(turn.Text, AnswerKind.Help, Replies.Guides([.. Knowledge.Passages.DistinctBy(p => p.GuideId, StringComparer.Ordinal)]), [], turn.IntentScore, 1, Samples(3), previous ?? Empty(turn.Text));

    public Answer NothingMore(string text, ConversationContext previous, IntentScore intentScore) =>
        new(text, AnswerKind.Declined, Replies.NothingMore, [], intentScore, 0, Samples(3), previous);

    /// <summary>The welcome for a new conversation: a greeting with sample questions.</summary>
    public Answer Welcome() =>
        new(string.Empty, AnswerKind.Greeting, Replies.Greeting, [], new IntentScore("greeting", 1), 1, Samples(3), Empty(string.Empty));

    /// <summary>The reply to "reset": context forgotten, sample questions offered.</summary>
    public Answer StartOver() =>
        new(string.Empty, AnswerKind.Help, Replies.StartOver, [], new IntentScore("help", 1), 1, Samples(3), Empty(string.Empty));

    /// <summary>Composition in a "compose" span, tagged with the citation count.</summary>
    private (string Text, IReadOnlyList<Citation> Citations) Compose(IReadOnlyList<Passage> views, RetrievalQuery query, QuoteFocus focus)
    {
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.ComposeSpan);
        var composed = Knowledge.Composer.Compose(views, Knowledge.Retriever.StemWeights(query), focus);
        span?.SetTag(KnowledgeTelemetry.CitationsTag, composed.Citations.Count);
        return composed;
    }

    public Answer? DidYouMean(string text, IntentPrediction prediction, IntentScore intentScore, ConversationContext? previous)
    {
        // Two topics close to each other that together outweigh "out of scope": ask which one.
        var topics = prediction.Ranked.Where(r => r.Intent.IsTopic).Take(2).ToArray();
        var outOfScope = prediction.Ranked.FirstOrDefault(r => r.Intent.Kind == IntentKind.OutOfScope).Score;
        if (topics.Length < 2
            || topics[0].Score - topics[1].Score > Knowledge.Options.DidYouMeanMargin
            || topics[0].Score + topics[1].Score < Math.Max(outOfScope, Knowledge.Model.Threshold))
        {
            return null;
        }

        var suggestions = topics
            .Select(r => Knowledge.SampleQuestions(r.Intent.Topic!.Value).FirstOrDefault())
            .OfType<string>()
            .ToArray();
        if (suggestions.Length < 2)
        {
            return null;
        }

        return new Answer(text, AnswerKind.DidYouMean, Replies.DidYouMean, [], intentScore, prediction.Score, suggestions, previous ?? Empty(text));
    }

    public Answer Decline(string text, IntentScore intentScore, ConversationContext? previous, string? reply = null) =>
        new(text, AnswerKind.Declined, reply ?? (IsMostlyForeign(text) ? Replies.EnglishOnly : Replies.Decline(Knowledge.Topics)), [], intentScore, 0, Samples(3), previous ?? Empty(text))
        {
            Unmatched = reply is null,
        };

    /// <summary>
    /// Whether most of the longer words of <paramref name="text"/> are neither English nor used by the
    /// guides: "Hola! Soy ingeniero de sistemas en Monterrey, quiero saber qué skills necesito …" was
    /// declined naming "Hola", "Soy" and "ingeniero", as if the guides only lacked those words. Words
    /// of four letters or more count (the English word list holds no shorter ones), and at least three
    /// must be foreign, so that a name or two ("DevOps", "terraform") in an English question is not.
    /// The words are read without typo correction, which would take "sistemas" for "systems". But a
    /// message whose unknown words are mostly one letter away from words the guides use is English
    /// spelled loosely, not another language: "wat dose a mashine lerning enginer acually do all day"
    /// was told to ask in English. Other languages have near misses too ("importante", and "jaja" is
    /// one letter from "java"), so that counts only where three in four unknown words are such.
    /// </summary>
    private bool IsMostlyForeign(string text)
    {
        var longer = 0;
        var foreign = 0;
        var nearMisses = 0;
        foreach (var word in Analysis.KnowledgeAnalyzer.WordsOf(text))
        {
            if (word.Length < 4)
            {
                continue;
            }

            longer++;
            if (!Analysis.WordList.English.Contains(word) && Knowledge.Analyzer.Tokens(word).All(Knowledge.Lacks))
            {
                foreign++;
                if (Knowledge.Corrector.Correct(word) is var corrected && corrected != word && Search.EditDistance.Bounded(word, corrected, 1) <= 1)
                {
                    nearMisses++;
                }
            }
        }

        return foreign >= 3 && foreign * 2 > longer && nearMisses * 4 < foreign * 3;
    }

    /// <summary>
    /// The decline of a question read as on a topic that no passage answers: when some of its own
    /// words are in none of the guides ("what about in the UK?" after a question on pay), it names
    /// them, so the visitor knows what is missing rather than reading a refusal. In a message that
    /// also tells, the asking sentences' words come first: "I'm 44 and have spent 18 years in
    /// accounting. Is it realistic … or is the field mostly for younger grads?" lacks "younger", and
    /// named "spent" with it.
    /// </summary>
    public Answer DeclineOnTopic(QuestionAnalysis turn, ConversationContext? previous)
    {
        if (IsMostlyForeign(turn.Text))
        {
            return Decline(turn.Text, turn.IntentScore, previous, Replies.EnglishOnly);
        }

        if (TaskRequest.AsksToMakeSomething(turn.Text))
        {
            // "can u write me a cover letter for an entry level data job?" reads as getting started
            // at 0.51, but no passage answers it: the bot writes nothing, which says more than that
            // its guides lack "letter".
            return Decline(turn.Text, turn.IntentScore, previous, Replies.NoWriting);
        }

        var unknown = AskingPart.Split(turn.Text) is { } parts && UnknownWords(parts.Asking) is { Count: > 0 } asked ? asked : UnknownWords(turn.Text);
        return new(
            turn.Text, AnswerKind.Declined, unknown.Count == 0 ? Replies.Decline(Knowledge.Topics) : Replies.DeclineUnknown(unknown, Knowledge.Topics),
            [], turn.IntentScore, 0, Samples(3), previous ?? Empty(turn.Text))
        {
            Unmatched = true,
        };
    }

    /// <summary>
    /// The words of <paramref name="text"/>, as written ("H-1B", "UK"), of which some analysed term is in
    /// no passage, stop and framing words aside; at most three.
    /// </summary>
    private IReadOnlyList<string> UnknownWords(string text)
    {
        List<string>? unknown = null;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var written = token.Trim(WordEdges);
            if (!PlainWord().IsMatch(written))
            {
                continue; // never echo markup, a link or a mention ("<!channel>") back into a channel's reply
            }

            if (Courtesy.IsCourtesyWord(written.ToLowerInvariant()))
            {
                continue; // "ok but do ml engineers use fortran" lacks "fortran", not "ok"
            }

            if (AddUnknown(ref unknown, written) && unknown!.Count == MaxNamed)
            {
                break;
            }
        }

        return unknown ?? (IReadOnlyList<string>)[];
    }

    /// <summary>How many words a reply names as ones no guide uses.</summary>
    private const int MaxNamed = 3;

    /// <summary>
    /// Adds <paramref name="written"/> to <paramref name="named"/> (made on the first word added) when
    /// some analysed term of it is in no passage, it is not named yet (whatever its case) and fewer
    /// than <see cref="MaxNamed"/> are.
    /// </summary>
    private bool AddUnknown(ref List<string>? named, string written)
    {
        if (named is { Count: MaxNamed } || named?.Contains(written, StringComparer.OrdinalIgnoreCase) == true
            || !Knowledge.QueryAnalyzer.Tokens(written).Any(Knowledge.Lacks))
        {
            return false;
        }

        (named ??= new List<string>(MaxNamed)).Add(written);
        return true;
    }

    /// <summary>Words that place a name after them: "in Canada", "at Google", "for the UK".</summary>
    private static readonly HashSet<string> PlacingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "across", "around", "at", "for", "from", "in", "inside", "like", "near", "outside", "throughout", "to", "within",
    };

    /// <summary>Nouns that make a role of the word before them ("prompt engineer", "Kotlin developers").</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNoun = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "engineer", "engineers", "engineering", "scientist", "scientists", "developer", "developers", "analyst", "analysts",
        "researcher", "researchers", "architect", "architects", "specialist", "specialists",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacingWord = PlacingWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The placing words that only place (<see cref="PlacingWords"/> without "for", "like" and "to"): a
    /// word after them the guides lack is named even in lower case ("in europe"); after "for" or "to" it
    /// is as often a verb or a purpose ("to pivot", "for fun").
    /// </summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LocatingWord = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "across", "around", "at", "from", "in", "inside", "near", "outside", "throughout", "within",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that place a year after them, besides <see cref="PlacingWords"/>: "by 2030", "until 2035".</summary>
    private static readonly HashSet<string> YearPlacingWords = new(StringComparer.OrdinalIgnoreCase) { "by", "until", "till", "before", "after", "of" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> YearPlacingWord = YearPlacingWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A year of this century or the last: four digits from 1900 to 2099.</summary>
    private static bool IsYear(ReadOnlySpan<char> word) =>
        word.Length == 4 && word.IndexOfAnyExceptInRange('0', '9') < 0 && (word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal));

    /// <summary>
    /// The names in <paramref name="text"/> that no guide uses, written with a capital after a word
    /// that places them ("in Canada", "at Google", "in the UK"); at most three. An answer to "are ML
    /// engineers in demand in Canada" quotes what the guides say in general, and must say so rather
    /// than read as a figure for Canada. A capital alone is no name ("Hi, I'm Priya."), nor is a
    /// word the guides use ("in the US"). So is a year no guide names after such a word or "by"
    /// ("earn in 2030", "by 2035"), and a role whose first word no guide uses ("prompt engineer").
    /// Runs on every answer, so it reads the words in place and allocates only for a capitalised
    /// word or a year after a placing one, and for the word before a role noun when some term of the
    /// question is in no passage (<paramref name="someTermLacking"/>; "ML engineers" in most questions
    /// would otherwise be analysed once more on every answer).
    /// </summary>
    private IReadOnlyList<string> UncoveredNames(string text, bool someTermLacking)
    {
        List<string>? names = null;
        ReadOnlySpan<char> before = default, last = default;
        var lastClosed = false;
        Range name = default;
        var inName = false;
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n"))
        {
            var token = text.AsSpan(range);
            var written = token.Trim(WordEdges);
            if (written.IsEmpty)
            {
                continue;
            }

            var capital = written.Length > 1 && char.IsUpper(written[0]) && PlainWord().IsMatch(written);
            var start = range.Start.GetOffset(text.Length) + token.IndexOf(written);
            if (inName && capital && start == name.End.Value + 1)
            {
                name = name.Start..(start + written.Length); // "in San Francisco", "in New Delhi": one name
            }
            else
            {
                if (inName)
                {
                    AddUnknown(ref names, text[name]);
                }

                var placed = PlacingWord.Contains(last) || (last.Equals("the", StringComparison.OrdinalIgnoreCase) && PlacingWord.Contains(before));
                inName = placed && capital;
                name = start..(start + written.Length);
                if (someTermLacking && !capital && !lastClosed && LocatingWord.Contains(last) && PlainWord().IsMatch(written) && !IsEnglishWord(written))
                {
                    // "wat is the salary for ml engineer in india": a place typed in lower case is
                    // still one the guides do not mention. An English word after "in" or "at" is as
                    // often no place ("at night", "in mind", "from scratch").
                    AddUnknown(ref names, written.ToString());
                }
            }

            if (inName && token[^1] is ',' or '.' or ';' or ':' or '!' or '?')
            {
                AddUnknown(ref names, text[name]); // a comma or a sentence's end closes a name: "in Canada, Toronto …"
                inName = false;
            }

            if (!inName && IsYear(written) && (PlacingWord.Contains(last) || YearPlacingWord.Contains(last)))
            {
                // "how much will ML engineers earn in 2030?": today's figures, under a line saying
                // the guides do not mention that year, as for a place.
                AddUnknown(ref names, written.ToString());
            }

            if (someTermLacking && !last.IsEmpty && RoleNoun.Contains(written) && PlainWord().IsMatch(last))
            {
                // "Is "prompt engineer" a real job?": the answer compares the roles the guides do
                // know, under a line saying they do not mention that one.
                AddUnknown(ref names, $"{last} {written}");
            }

            before = last;
            last = written;
            lastClosed = token[^1] is ',' or '.' or ';' or ':' or '!' or '?'; // "8 years in, burned out": "in" places nothing
        }

        if (inName)
        {
            AddUnknown(ref names, text[name]);
        }

        if (text.Contains("guide", StringComparison.OrdinalIgnoreCase) && CoverageQuestion().Match(text) is { Success: true } asked)
        {
            // "Does your guide say anything about who is liable when a model … makes a harmful
            // decision?" asks whether the guides cover it: the words they lack are named, capital or
            // not, above what they say in general (the bias passage, which never speaks of liability).
            foreach (var word in UnknownWords(asked.Groups["subject"].Value))
            {
                AddUnknown(ref names, word);
            }
        }

        return names ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// Whether <paramref name="word"/>, in lower case, is in the English word list, which holds no
    /// names ("india", "europe", "alberta" are not in it): what tells a place typed in lower case from
    /// a word the guides only put otherwise ("at night", "graduates"). A word of more than 30
    /// characters (no <see cref="PlainWord"/>) is none.
    /// </summary>
    private static bool IsEnglishWord(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[30];
        return word.Length <= lower.Length && Analysis.WordList.English.Contains(lower[..word.ToLowerInvariant(lower)]);
    }

    /// <summary>A message of at most four words that asks no question in form: "mle salary europe", "ml jobs remote".</summary>
    private static bool IsKeywords(string text) =>
        !text.Contains('?') && text.AsSpan().Trim().Count(' ') < 4 && AskingPart.IsOneSentence(text) && !AskingPart.Asks(text);

    /// <summary>Whether some of <paramref name="terms"/> is in no passage; a loop, not LINQ, since every answer asks.</summary>
    private bool AnyLacking(IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (Knowledge.Lacks(terms[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A question whether the guides cover something: "does your guide say anything about …", "do the guides mention …".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        @"\b(?:does|do|did|can)\s+(?:your|the|ur|these|those)\s+(?:guides?|sources?)\s+(?:say|mention|cover|talk|discuss|include|tell\s+me)\b(?:\s+(?:anything|something|much))?(?:\s+(?:about|on|regarding))?(?<subject>.*)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex CoverageQuestion();

    /// <summary>Letters and digits, joined by single hyphens, apostrophes or dots ("H-1B", "don't", "U.K"), up to 30 characters.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=.{1,30}$)[\p{L}\p{N}]+(?:[-'.\u2019][\p{L}\p{N}]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlainWord();

    private static readonly char[] WordEdges = ['*', '_', '~', '`', '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '\u201C', '\u201D', '\u2018', '\u2019'];

    public Answer SmallTalk(string text, AnswerKind kind, IntentScore intentScore, ConversationContext? previous)
    {
        var reply = kind switch
        {
            AnswerKind.Greeting => Replies.Greeting,
            AnswerKind.Thanks => Replies.Thanks,
            AnswerKind.Goodbye => Replies.Goodbye,
            _ => Replies.Help(Knowledge.Topics),
        };
        var suggestions = kind is AnswerKind.Greeting or AnswerKind.Help ? Samples(3) : [];
        return new Answer(text, kind, reply, [], intentScore, intentScore.Score, suggestions, previous ?? Empty(text));
    }

    /// <summary>
    /// The reply to a message with no words ("??" after an answer): a request to ask in words, with
    /// sample questions on the conversation's topic when it has one (a "??" after the salary answer
    /// is offered pay questions); the context stays as it was, so "tell me more" still follows on.
    /// </summary>
    public Answer Unclear(string text, IntentScore intentScore, ConversationContext? previous) =>
        OnTopicHelp(text, Replies.Unclear, intentScore, previous);

    /// <summary>
    /// The reply to a message saying the previous answer did not help ("that was useless"): the guides'
    /// limit said plainly, and questions on the conversation's topic to narrow it with.
    /// </summary>
    public Answer Unhelpful(string text, IntentScore intentScore, ConversationContext? previous) =>
        OnTopicHelp(text, Replies.Unhelpful, intentScore, previous) with { Complaint = true };

    /// <summary>
    /// The reply to a message that only acknowledges the last one ("ok", "i see", "fair enough"): nothing
    /// was asked, so nothing is quoted or declined; the topic's next questions are offered, and the
    /// context stays as it was, so "tell me more" still follows on.
    /// </summary>
    public Answer Acknowledged(string text, IntentScore intentScore, ConversationContext? previous)
    {
        // The topic's questions first, then other topics' up to three: after the pay answer the topic has one
        // sample left, and "You could try one of these:" stood above a single question.
        var reply = OnTopicHelp(text, Replies.Acknowledged, intentScore, previous);
        var suggestions = reply.Suggestions.Concat(Samples(int.MaxValue))
            .Where(q => !string.Equals(q, previous?.Question, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(AcknowledgedSuggestions)
            .ToList();
        return reply with { Kind = AnswerKind.Thanks, Suggestions = suggestions };
    }

    /// <summary>How many questions the reply to an acknowledgement offers.</summary>
    private const int AcknowledgedSuggestions = 3;

    /// <summary>A help reply whose suggestions are the conversation topic's sample questions (other than the one just asked), or the general samples.</summary>
    private Answer OnTopicHelp(string text, string reply, IntentScore intentScore, ConversationContext? previous)
    {
        var onTopic = previous?.Topic is { } topic
            ? Knowledge.SampleQuestions(new Topic(topic)).Where(q => !string.Equals(q, previous.Question, StringComparison.OrdinalIgnoreCase)).Take(3).ToList()
            : [];
        return new(text, AnswerKind.Help, reply, [], intentScore, intentScore.Score, onTopic.Count > 0 ? onTopic : Samples(3), previous ?? Empty(text));
    }

    /// <summary>
    /// Follow-ups on the conversation's thread: a close second topic first, then FAQ questions of
    /// the related passages, the topic's sample questions, and those of the topics the question
    /// came closest to after it. Never what was just asked or shown (in this turn or the one
    /// before), and never two that ask the same thing in other words.
    /// </summary>
    private List<string> Suggest(string question, IEnumerable<string> asked, IReadOnlyList<RankedPassage> ranked, IReadOnlyList<Passage> shown, Topic? topic, IntentPrediction? prediction, ConversationContext? previous)
    {
        var max = Knowledge.Options.MaxSuggestions;
        var suggestions = new List<string>(max);

        // What was asked (the message's query terms, and the terms the previous question left) and
        // what is already suggested, each as its stems with their IDF weights.
        var compared = new List<Wording>(max + 2) { WordingOf(asked) };
        if (previous is not null && !string.Equals(previous.Question, question, StringComparison.Ordinal))
        {
            compared.Add(WordingOf(previous.Terms));
        }

        var shownIds = shown.Select(p => p.Id).Concat(previous?.PassageIds ?? []).ToHashSet(StringComparer.Ordinal);
        var shownHeadings = shown.Where(p => p.IsQuestion).Select(p => p.Heading).ToHashSet(StringComparer.OrdinalIgnoreCase);
        void Add(string? candidate)
        {
            if (candidate is null || suggestions.Count >= max || shownHeadings.Contains(candidate))
            {
                return;
            }

            var wording = WordingOf(Knowledge.StemsOf(candidate));
            foreach (var other in compared)
            {
                if (IsSameQuestion(other, wording))
                {
                    return;
                }
            }

            suggestions.Add(candidate);
            compared.Add(wording);
        }

        // A close second topic: offer it first, as a "did you mean".
        if (prediction is { Ranked.Count: > 1 } && prediction.Ranked[1].Intent.IsTopic
            && prediction.Ranked[1].Score >= Knowledge.Options.DidYouMeanRatio * prediction.Ranked[0].Score)
        {
            Add(Knowledge.SampleQuestions(prediction.Ranked[1].Intent.Topic!.Value).FirstOrDefault());
        }

        // FAQ questions of passages that answer part of this question, on its topic: a passage that
        // only shares "ML engineers" with it is no follow-up.
        foreach (var candidate in ranked.Skip(1))
        {
            if (candidate.Passage.IsQuestion && !shownIds.Contains(candidate.Passage.Id)
                && candidate.Coverage >= Knowledge.Options.Retrieval.MinCoverage
                && (topic is not { } on || candidate.Passage.HasTopic(on)))
            {
                Add(candidate.Passage.Heading);
            }
        }

        if (topic is { } t)
        {
            foreach (var sample in Knowledge.SampleQuestions(t))
            {
                Add(sample);
            }
        }

        foreach (var next in RelatedTopics(question, topic, prediction, ranked))
        {
            Add(Knowledge.SampleQuestions(next).FirstOrDefault());
        }

        return suggestions;
    }

    /// <summary>
    /// The topics after <paramref name="topic"/> in the order the question comes closest to them:
    /// those of the best-ranked passages, those the classifier gives some chance, then the rest,
    /// starting at a place the question picks, so that the same topic does not close every list.
    /// </summary>
    private IEnumerable<Topic> RelatedTopics(string question, Topic? topic, IntentPrediction? prediction, IReadOnlyList<RankedPassage> ranked)
    {
        var all = Knowledge.Topics;
        var start = all.Count == 0 ? 0 : (int)(StableHash(question) % (uint)all.Count);
        return ranked.Take(RelatedPassages).SelectMany(r => r.Passage.Topics)
            .Concat(prediction?.Ranked.Where(r => r.Intent.IsTopic && r.Score >= RelatedIntentScore).Select(r => r.Intent.Topic!.Value) ?? [])
            .Concat(all.Skip(start)).Concat(all.Take(start))
            .Where(t => t != topic)
            .Distinct();
    }

    /// <summary>FNV-1a over the text: the same question always starts the topic list at the same place.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>A question's distinct stems, each with its IDF, and the sum of those.</summary>
    private readonly record struct Wording(Dictionary<string, double> Stems, double Weight);

    private Wording WordingOf(IEnumerable<string> stems)
    {
        var idfs = new Dictionary<string, double>(StringComparer.Ordinal);
        var weight = 0.0;
        foreach (var stem in stems)
        {
            if (idfs.TryAdd(stem, Knowledge.Retriever.IdfOf(stem)))
            {
                weight += idfs[stem];
            }
        }

        return new Wording(idfs, weight);
    }

    /// <summary>
    /// A suggestion that only rephrases what was asked, or another suggestion, is no suggestion:
    /// the two share at least half of their words' weight, each word weighted by its IDF, so that
    /// "ML engineer", in nearly every question, does not make them alike.
    /// </summary>
    private static bool IsSameQuestion(Wording a, Wording b)
    {
        if (a.Stems.Count == 0 || b.Stems.Count == 0)
        {
            return false;
        }

        var shared = 0.0;
        foreach (var (stem, idf) in b.Stems)
        {
            if (a.Stems.ContainsKey(stem))
            {
                shared += idf;
            }
        }

        var union = a.Weight + b.Weight - shared;
        return union > 0 && shared / union >= 0.5;
    }

    /// <summary>One sample question from each of <paramref name="count"/> topics, in a fixed order.</summary>
    private List<string> Samples(int count) =>
        Knowledge.Topics.Select(t => Knowledge.SampleQuestions(t).FirstOrDefault())
            .OfType<string>()
            .Take(count)
            .ToList();

    private static ConversationContext Empty(string text) => new(null, text, [], []);
}
