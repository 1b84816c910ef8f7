using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class CourtesyTests
{
    [Theory]
    [InlineData("ok thanks. where do I start", "where do I start")]
    [InlineData("thank you. what does MLOps mean?", "what does MLOps mean?")]
    [InlineData("hi, how much do juniors earn?", "how much do juniors earn?")]
    [InlineData("Good afternoon. Which certifications are valued?", "Which certifications are valued?")]
    [InlineData("ok nvm, is going from pm to mle even a thing people do", "is going from pm to mle even a thing people do")]
    [InlineData("hey! thanks a lot. and for seniors?", "and for seniors?")]
    [InlineData("so, what do ML engineers earn", "what do ML engineers earn")]
    [InlineData("ok so whats the min degree then", "whats the min degree then")]   // "so" opens it as a comma would
    [InlineData("alright so  how long does it take?", "how long does it take?")]
    [InlineData("thanks. ok so where do I start", "where do I start")]
    [InlineData("ok then can you tell me if ML engineers are in demand", "can you tell me if ML engineers are in demand")] // "then" as "so"
    [InlineData("aight so what skills make u not replaceable", "what skills make u not replaceable")]
    [InlineData("ok. sorry, one more thing, what if I freeze in the interview", "what if I freeze in the interview")]
    [InlineData("ok thats good to here. what tools do they use most", "what tools do they use most")]
    [InlineData("ok whatever, what about senior", "what about senior")]
    [InlineData("ok that's good to know, how long does it take?", "how long does it take?")]
    [InlineData("quick question: do ML engineers work weekends?", "do ML engineers work weekends?")]
    [InlineData("Sorry if this is a dumb question. Do you need a PhD?", "Do you need a PhD?")]
    [InlineData("this might be a stupid question but do you need a PhD?", "do you need a PhD?")]
    [InlineData("Hi! Sorry for the silly question, is Python enough?", "is Python enough?")]
    [InlineData("ok how much math am I going to need", "how much math am I going to need")] // no comma: the question word ends the run
    [InlineData("cool how long does it take", "how long does it take")]
    [InlineData("thanks what about seniors", "what about seniors")]
    [InlineData("thank you so much which one is best", "which one is best")]
    [InlineData("ok got it can I start without a degree", "can I start without a degree")]
    [InlineData("okay thanks and how long would that take", "how long would that take")] // "and" after a thanks
    [InlineData("thank you and what about seniors", "what about seniors")]
    [InlineData("ok but how much money do ML engineers make per year?", "how much money do ML engineers make per year?")] // a closest answer
    [InlineData("thanks but what about seniors", "what about seniors")]
    [InlineData("Dear CareerBot, I hope this message finds you well. Which skills matter?", "Which skills matter?")] // a letter's opening
    [InlineData("Dear Sir/Madam, what do ML engineers earn?", "what do ML engineers earn?")]
    [InlineData("Thank you very much for your kind reply, may I further ask which languages matter", "may I further ask which languages matter")]
    [InlineData("I hope you are doing well. Is a PhD needed?", "Is a PhD needed?")]
    [InlineData("ok that makes me feel a bit better. which skills are least likely to get automated", "which skills are least likely to get automated")] // declined naming "feel"
    [InlineData("That helps, thanks! Is remote work common?", "Is remote work common?")]
    public void StripOpening_ACourtesyBeforeAQuestion_LeavesTheQuestion(string text, string expected) =>
        Assert.Equal(expected, Courtesy.StripOpening(text));

    [Theory]
    [InlineData("thanks!")]
    [InlineData("thank you so much")]
    [InlineData("thanks so much for the help")]                // the courtesy words run on past "so"
    [InlineData("so what")]                                   // one word after "so"
    [InlineData("ok so")]
    [InlineData("ok then")]
    [InlineData("thanks then")]
    [InlineData("ok, bye")]                                   // one word after it: the courtesy is the message
    [InlineData("python, R or julia: which one first?")]      // no courtesy before the break
    [InlineData("sorry if this is a dumb question")]          // nothing after the apology
    [InlineData("is this a dumb question? do you need a PhD")] // asks whether it is
    [InlineData("one more question")]
    [InlineData("ok that is helpful")]                        // "that" begins a courtesy, it does not end one
    [InlineData("thanks will do")]                            // "will" continues the thanks
    [InlineData("thanks have a good one")]
    [InlineData("ok how")]                                    // one word after it
    [InlineData("how much do they earn")]                     // no courtesy before the question word
    [InlineData("ok and is on-call a thing for MLEs")]        // "and" goes on from a thanks only
    [InlineData("thank you for your reply")]                  // nothing after the formula
    [InlineData("Dear CareerBot,")]
    [InlineData("thanks and have a good one")]
    [InlineData("ok but")]
    [InlineData("ok but that is not what i asked")]             // no question word after "but"
    [InlineData("but how much do they earn")]                 // no courtesy before "but"
    public void StripOpening_NoCourtesyBeforeAQuestion_LeavesTheText(string text) =>
        Assert.Equal(text, Courtesy.StripOpening(text));

    [Fact]
    public void Answer_ThanksThenAQuestion_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var skills = engine.Answer(new Question("what skills do I need?"));

        var next = engine.Answer(new Question("ok thanks. where do I start", skills.Context));

        Assert.True(next.Answered, next.Text);
        Assert.Equal("getting_started", next.Intent.Name);
    }

    [Fact]
    public void Answer_ThanksAndAQuestion_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var degree = engine.Answer(new Question("do i need a degree in computer science"));

        var next = engine.Answer(new Question("okay thanks and how long would that take if i do it on the side", degree.Context));

        // It only got "you're welcome": read as thanks, the question after "and" was lost.
        Assert.True(next.Answered, next.Text);
        Assert.Contains("12-18 months", next.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_ThanksForTheReplyThenAQuestion_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Thank you very much for your kind reply, may I further ask which programming languages are most essential"));

        // Only "you're welcome" (thanks at 0.83): the question after the formula was lost.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("skills", answer.Intent.Name);
    }

    [Fact]
    public void Answer_OkRightBeforeTheQuestion_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("ok how much math am I going to need"));

        // Declined before, with "ok," answered: "ok" was read as part of the question.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("skills", answer.Intent.Name);
    }

    [Fact]
    public void Answer_AnApologyForTheQuestion_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Sorry if this is a dumb question. Do you need to be a genius at math?"));

        // The help text (0.61) before: the apology read as a question about the bot.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("skills", answer.Intent.Name);
    }

    [Fact]
    public void Answer_AnApologyBeforeAQuestionTheGuidesLack_IsNotNamedInTheDecline()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("ok. sorry, one more thing, what if I freeze in the technical interview... what kind of questions do they usually ask so I can prepare"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.DoesNotContain("\"sorry\"", answer.Text, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("Thank you very much, God bless")]
    [InlineData("Thanks, that gives me something to take to leadership.")]
    [InlineData("thanks!")]
    [InlineData("many thanks, you've been a great help")]
    [InlineData("cheers, I'll look into it")]
    public void IsClosingThanks_ThanksAndASignOff_IsTrue(string text) => Assert.True(Courtesy.IsClosingThanks(text));

    [Theory]
    [InlineData("thanks, and in Germany")]                      // goes on to ask
    [InlineData("thanks, I want to work in Brazil")]            // goes on to tell
    [InlineData("thanks, that helps. what about seniors")]
    [InlineData("thanks, that's helpful?")]
    [InlineData("that gives me something to take to leadership")] // no thanks
    public void IsClosingThanks_MoreThanASignOff_IsFalse(string text) => Assert.False(Courtesy.IsClosingThanks(text));

    /// <summary>Both were declined as questions the guides cannot answer, after an answer had been given.</summary>
    [Theory]
    [InlineData("Thank you very much, God bless")]
    [InlineData("Thanks, that gives me something to take to leadership.")]
    public void Answer_ThanksAndASignOff_IsThanks(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("what should I study at university to become an ML engineer?"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question(text, first.Context));

        Assert.Equal(AnswerKind.Thanks, answer.Kind);
        Assert.Equal(Replies.Thanks, answer.Text);
    }

    [Fact]
    public void Answer_ThanksThenAQuestionTheGuidesLack_IsStillDeclined()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("thanks, what about the weather in Lagos"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
    }

    [Theory]
    [InlineData("thanks, have a good weekend", "thanks")]
    [InlineData("how long does it take? have a nice day!", "how long does it take?")]
    [InlineData("ok thank you and enjoy your evening", "ok thank you")]
    [InlineData("have a nice day", "have a nice day")]                                     // the wish alone is a goodbye
    [InlineData("do ML engineers have a good work life balance", "do ML engineers have a good work life balance")]
    [InlineData("what do ML engineers have to do each day", "what do ML engineers have to do each day")]
    public void WithoutSignOff_AWishThatClosesTheMessage_IsLeftOut(string text, string expected) =>
        Assert.Equal(expected, Courtesy.WithoutSignOff(text));

    /// <summary>"have a good weekend", a question's form with two words to search, continued the thread and quoted the portfolio passage.</summary>
    [Fact]
    public void Answer_ThanksAndAWishAfterAnAnswer_IsThanks()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("i'm a data analyst at a supermarket chain, mostly dashboards and sales forecasting. is that experience useful for ML engineering, and what would be a good first project to build? also is kaggle worth doing"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question("thanks, have a good weekend", first.Context));

        Assert.Equal(AnswerKind.Thanks, answer.Kind);
    }
}
