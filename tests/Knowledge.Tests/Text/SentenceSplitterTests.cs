using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_ParagraphsAndLists_GivesSentencesAndItems()
    {
        const string text = "A Ph.D. is optional, e.g. for research. Most jobs want a degree! Skills:\n- Python\n- SQL\nPay is $150,000. 3 levels exist.";

        var units = SentenceSplitter.Split(text).Select(u => u.Of(text)).ToArray();

        Assert.Equal(["A Ph.D. is optional, e.g. for research.", "Most jobs want a degree!", "Skills:", "- Python", "- SQL", "Pay is $150,000.", "3 levels exist."], units);
    }

    [Fact]
    public void Split_LeadInBeforeList_IsMarkedAsIntroducingIt()
    {
        const string text = "The skills are:\n- Python\nNo list follows this:";

        var units = SentenceSplitter.Split(text);

        Assert.True(units[0].IntroducesList);
        Assert.False(units[2].IntroducesList);
        Assert.True(units[1].IsListItem);
    }
}
