using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

/// <summary>A follow-up that points to an item of the previous reply's list by its place ("the second one").</summary>
public sealed class PointerToItemTests
{
    private static readonly ConversationContext Challenges =
        new("challenges", "what are the biggest challenges for ml engineers?", ["challeng"], ["g#challenges"])
        {
            Items = ["data quality", "debugging and reproducibility", "bias and fairness", "taking research into production", "the pace of change"],
        };

    [Theory]
    [InlineData("tell me more about the second one", "debugging and reproducibility")]
    [InlineData("the second one", "debugging and reproducibility")]
    [InlineData("what about the 3rd?", "bias and fairness")]
    [InlineData("and the last one?", "the pace of change")]
    [InlineData("number 4", "taking research into production")]
    [InlineData("#1", "data quality")]
    [InlineData("can you explain the fifth point please", "the pace of change")]
    [InlineData("what's the second challenge?", "debugging and reproducibility")]
    [InlineData("second one?", "debugging and reproducibility")]
    [InlineData("the last one on your list, what does that mean in practice", "the pace of change")]
    public void ItemPointedTo_APointerByPlace_GivesThatItem(string text, string expected) =>
        Assert.Equal(new ItemPointer(expected, string.Empty), FollowUpResolver.ItemPointedTo(text, Challenges));

    [Theory]
    [InlineData("which one should i learn first?")]        // "first" says when, not which item
    [InlineData("what's the first job I should get?")]     // a word of its own: a question of its own
    [InlineData("the sixth one")]                          // the list has five
    [InlineData("the first and the second")]               // two items: no one item
    [InlineData("what was the last year's salary growth?")]
    [InlineData("tell me more")]
    [InlineData("do I need 3 years for it?")]                 // a number, not "#3"
    [InlineData("why is python, the first language, so popular")]   // a break, but the words before it point to nothing
    [InlineData("last one: PyTorch or TensorFlow — just pick one, no essay")] // the asker's last question; it got the previous reply's last source
    [InlineData("ok last one: do I need a PhD?")]
    public void ItemPointedTo_NoPointerToOneListedItem_GivesNothing(string text) =>
        Assert.Null(FollowUpResolver.ItemPointedTo(text, Challenges));

    [Theory]
    [InlineData("the second one, is that mostly cleaning data or what", "debugging and reproducibility", "is that mostly cleaning data or what")]
    [InlineData("the 3rd \u2014 how do teams measure it?", "bias and fairness", "how do teams measure it?")]
    [InlineData("going back to #3, what does it look like for 2030?", "bias and fairness", "what does it look like for 2030?")]
    [InlineData("the last one: is it getting worse?", "the pace of change", "is it getting worse?")]
    [InlineData("last one, is that a big deal?", "the pace of change", "is that a big deal?")]
    public void ItemPointedTo_APointerThenAQuestion_GivesTheItemAndTheQuestion(string text, string item, string rest) =>
        Assert.Equal(new ItemPointer(item, rest), FollowUpResolver.ItemPointedTo(text, Challenges));

    [Fact]
    public void ItemPointedTo_AfterAReplyWithoutAList_GivesNothing() =>
        Assert.Null(FollowUpResolver.ItemPointedTo("the second one", Challenges with { Items = [] }));

    [Fact]
    public void ListedItems_MarkdownLines_AreTheItems_UpToTheListsEnd()
    {
        var quote = "Top job sites:\n- zengig\n- Indeed\n- LinkedIn\nThe blog adds more.\n- not this one";

        Assert.Equal(["zengig", "Indeed", "LinkedIn"], ListedItems.Of(quote));
        Assert.Equal(["first", "second"], ListedItems.Of("Steps:\n1. first\n2) second"));
    }

    [Fact]
    public void ListedItems_ASentenceListingAfterAColon_IsSplitIntoItsItems()
    {
        var quote = "The job brings difficulties: data quality, debugging and reproducibility, bias and fairness, and the pace of change. Knowing them helps.";

        Assert.Equal(["data quality", "debugging and reproducibility", "bias and fairness", "the pace of change"], ListedItems.Of(quote));
    }

    [Fact]
    public void ListedItems_WithoutASerialComma_TheLastAndJoinsTheLastTwoItems() =>
        Assert.Equal(
            ["programming", "maths", "ML algorithms", "communication", "problem solving"],
            ListedItems.Of("The guide names five skills: programming, maths, ML algorithms, communication and problem solving."));

    [Theory]
    [InlineData("Pay depends on one thing: experience, mostly.")]   // two parts after the colon are a clause
    [InlineData("Pay depends on location, experience and industry.")] // no colon: no list announced
    [InlineData("")]
    public void ListedItems_NoList_GivesNone(string quote) => Assert.Empty(ListedItems.Of(quote));

    [Fact]
    public void ListedItems_OfSeveralQuotes_TakesTheFirstList() =>
        Assert.Equal(["a", "b"], ListedItems.Of(["No list here.", "Two:\n- a\n- b", "Three:\n- c\n- d\n- e"]));
}
