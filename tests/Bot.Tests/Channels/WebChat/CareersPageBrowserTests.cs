using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Operations;
using CareerBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareerBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// The careers page in headless Chromium (Debian's, driven through Playwright): the official
/// Web Chat bundle served by the bot, over the embedded Direct Line channel, end to end.
/// Screenshots are saved under the test output's "artifacts" folder.
/// </summary>
public sealed class CareersPageBrowserTests(CareersPageBrowserTests.Site site) : IClassFixture<CareersPageBrowserTests.Site>
{
    private static readonly string ArtifactsFolder = BrowserBotFixture.ArtifactsFolder;

    /// <summary>One bot on 127.0.0.1 and one browser for the tests of this class.</summary>
    public sealed class Site : BrowserBotFixture
    {
    }

    [Fact]
    public async Task CareersPage_AskFollowSuggestionAndVote_AnswersWithCitationsAndRecordsTheVote()
    {
        var (page, errors) = await OpenPageAsync(1280, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with CareerBot" }).ClickAsync();

        // The welcome arrives as soon as the conversation starts.
        var transcript = page.Locator("#webchat");
        await Expect(transcript.GetByText("Ask me about becoming", new() { Exact = false }));

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" }).FillAsync("Do I need a PhD?");
        await page.Keyboard.PressAsync("Enter");

        // The answer: numbered citation buttons in the text and a reference list naming the guides.
        var citations = transcript.Locator("button.webchat__render-markdown__citation");
        await Expect(citations.First);
        var firstCitation = await citations.First.GetAttributeAsync("aria-label");
        Assert.StartsWith("1 ", firstCitation);
        Assert.Contains("PhD", firstCitation, StringComparison.Ordinal);
        var references = await transcript.Locator(".webchat__link-definitions__list-item-text").AllInnerTextsAsync();
        Assert.NotEmpty(references);
        var guideTitles = site.Factory.Services.GetRequiredService<KnowledgeProvider>().Current.Passages.Select(p => p.GuideTitle).Distinct().ToList();
        Assert.All(references, reference => Assert.Contains(guideTitles, title => reference.StartsWith(title, StringComparison.Ordinal)));

        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "careers-page-answer.png") });

        // A citation opens a dialog with its guide's title and the whole cited passage.
        await citations.First.ClickAsync();
        var dialog = page.Locator("dialog.webchat__citation-modal-dialog");
        await Expect(dialog);
        var dialogText = (await dialog.InnerTextAsync()).Replace('\u2019', '\''); // Web Chat typesets apostrophes
        var passages = site.Factory.Services.GetRequiredService<KnowledgeProvider>().Current.Passages;
        Assert.Contains(passages, p => dialogText.Contains(p.GuideTitle, StringComparison.Ordinal) && dialogText.Contains(p.Text.Split('\n')[0], StringComparison.Ordinal));
        await dialog.Locator("button.webchat__modal-dialog__close-button").ClickAsync();
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 30_000 });

        // A suggested question is a button; clicking it asks it and gets a second cited answer.
        var suggestions = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button);
        var suggestion = (await suggestions.First.InnerTextAsync()).Trim();
        Assert.EndsWith("?", suggestion);
        var answersBefore = await transcript.Locator(".webchat__link-definitions").CountAsync();
        await suggestions.First.ClickAsync();
        await Expect(transcript.Locator(".webchat__bubble--from-user", new() { HasText = suggestion }));
        await Poll.UntilAsync(() => transcript.Locator(".webchat__link-definitions").CountAsync().Result > answersBefore, TimeSpan.FromSeconds(30), "a second answer with references");

        // Thumbs up under the latest answer is stored as feedback from Web Chat.
        await transcript.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true }).Last.ClickAsync();
        var store = site.Factory.Services.GetRequiredService<IFeedbackStore>();
        IReadOnlyList<Feedback> feedback = [];
        await Poll.UntilAsync(() => (feedback = store.ReadAllAsync(CancellationToken.None).Result).Count > 0, TimeSpan.FromSeconds(30), "the vote to be recorded");
        var vote = Assert.Single(feedback, f => f.ChannelId == "webchat");
        Assert.True(vote.Helpful);
        Assert.NotEmpty(vote.PassageIds);

        var screenshot = Path.Combine(ArtifactsFolder, "careers-page.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CareersPage_OnAPhoneWithTheKeyboard_OpensFullScreenAndClosesWithEscape()
    {
        var (page, errors) = await OpenPageAsync(390, 844);

        // Keyboard only: tab to the launcher, open it, type into the chat, close it with Escape.
        var launcher = page.Locator("button.launcher");
        for (var i = 0; i < 20 && !await launcher.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await launcher.EvaluateAsync<bool>("b => b === document.activeElement"), "the launcher is reachable with Tab");
        await page.Keyboard.PressAsync("Enter");
        var chat = page.GetByRole(AriaRole.Dialog, new() { Name = "CareerBot" });
        await Expect(chat);
        Assert.Equal("true", await launcher.GetAttributeAsync("aria-expanded"));
        await Expect(page.Locator("#webchat").GetByText("Ask me about becoming", new() { Exact = false }));

        var box = await chat.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(390, box.Width, 1.0);
        Assert.Equal(844, box.Height, 1.0);
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        Assert.True(await input.IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "careers-page-phone.png") });

        await input.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Poll.UntilAsync(() => !chat.IsVisibleAsync().Result, TimeSpan.FromSeconds(10), "the chat to close");
        Assert.True(await launcher.EvaluateAsync<bool>("b => b === document.activeElement"), "focus returns to the launcher");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CareersPage_WhereTheInfoComesFrom_ListsEveryGuideAsAList()
    {
        var (page, errors) = await OpenPageAsync(1280, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with CareerBot" }).ClickAsync();
        var transcript = page.Locator("#webchat");
        await Expect(transcript.GetByText("Ask me about becoming", new() { Exact = false }));

        // Asked before any answer: the guides every answer quotes, one list item each, as the
        // visitor reads them (the Markdown escapes of their parentheses rendered away).
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" }).FillAsync("where does your info come from");
        await page.Keyboard.PressAsync("Enter");
        await Expect(transcript.GetByText("My answers quote these guides", new() { Exact = false }));

        var guides = site.Factory.Services.GetRequiredService<KnowledgeProvider>().Current.Passages.DistinctBy(p => p.GuideId).ToList();
        var items = (await transcript.Locator("li").AllInnerTextsAsync()).Select(t => t.Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"')).ToList();
        Assert.All(guides, g => Assert.Contains(items, item => item.StartsWith($"{g.GuideTitle}, updated {g.Updated:yyyy-MM-dd}", StringComparison.Ordinal)));
        Assert.DoesNotContain(items, item => item.Contains('\\', StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "careers-page-guides.png") });
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenPageAsync(int width, int height)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(site.BaseUrl + "/");
        Assert.Equal(200, response!.Status);
        Assert.Contains("Machine Learning Engineer", await page.TitleAsync(), StringComparison.Ordinal);
        return (page, errors);
    }

    /// <summary>Waits (with a deadline) until the element is visible.</summary>
    private static Task Expect(ILocator locator) =>
        locator.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 30_000 });
}
