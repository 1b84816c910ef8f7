using System.Collections.Frozen;
using AngleSharp.Dom;

namespace CareerBot.Knowledge.Import;

/// <summary>
/// Decides which elements of a page are not its content: navigation, headers and footers,
/// scripts and forms, and elements whose class, id, role or label names navigation, a cookie
/// or sign-up box, a newsletter, a share bar, related articles or an advert.
/// </summary>
internal static class HtmlBoilerplate
{
    private static readonly FrozenSet<string> Tags = FrozenSet.ToFrozenSet(
    [
        "nav", "header", "footer", "aside", "script", "style", "form", "iframe", "noscript", "template", "svg", "canvas",
        "button", "dialog", "object", "embed", "select", "input", "textarea", "link", "meta",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Roles = FrozenSet.ToFrozenSet(
    [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
    ], StringComparer.Ordinal);

    /// <summary>Words of a class, id or label (split at anything not a letter or digit) that mark boilerplate.</summary>
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
    [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "toc", "skip",
        "cookie", "cookies", "consent", "gdpr",
        "signup", "subscribe", "subscription", "newsletter", "popup", "modal",
        "share", "sharing", "social",
        "related", "recommended", "recommendations",
        "ad", "ads", "advert", "advertisement", "adsense", "sponsor", "sponsored", "promo", "promotion",
        "sidebar", "banner", "masthead", "comments", "disqus",
    ], StringComparer.Ordinal);

    /// <summary>Word pairs, as in "sign-up" or "you-may-also-like".</summary>
    private static readonly string[] Pairs = ["sign-up", "also-like", "read-next", "more-stories"];

    public static bool IsBoilerplate(IElement element)
    {
        if (Tags.Contains(element.LocalName) || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is not null && Roles.Contains(role.Trim().ToLowerInvariant()))
        {
            return true;
        }

        if (!NamesBoilerplate(element.GetAttribute("class")) && !NamesBoilerplate(element.Id) && !NamesBoilerplate(element.GetAttribute("aria-label")))
        {
            return false;
        }

        // A wrapper named after a sidebar or share bar that still holds the page's content is kept.
        return element.QuerySelector("main, article, h1") is null;
    }

    private static bool NamesBoilerplate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var words = Split(value.ToLowerInvariant());
        if (words.Any(Words.Contains))
        {
            return true;
        }

        var joined = "-" + string.Join('-', words) + "-";
        return Pairs.Any(p => joined.Contains("-" + p + "-", StringComparison.Ordinal));
    }

    private static List<string> Split(string value)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var inWord = i < value.Length && char.IsAsciiLetterOrDigit(value[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(value[start..i]);
                start = -1;
            }
        }

        return words;
    }
}
