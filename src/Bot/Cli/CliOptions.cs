using System.CommandLine;
using System.Globalization;

namespace CareerBot.Bot.Cli;

/// <summary>Options shared by the verbs, each parsed so that a bad value is one line naming the option and what it accepts.</summary>
internal static class CliOptions
{
    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; anything else is a parse error, never an exception.</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = $"{description} ({min} to {max}; {defaultValue} by default)",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number between {min} and {max}; got '{text}'.");
            return defaultValue;
        },
    };
}
