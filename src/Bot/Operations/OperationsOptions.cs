using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Where feedback votes and turn records are kept. Section "Operations". Empty (the default): SQLite
/// files in the data folder, for one instance. With <see cref="TablesConnectionString"/>: Azure Table
/// Storage, which every instance of the bot shares, so <c>report</c> sees all of them.
/// </summary>
public sealed class OperationsOptions : IValidatableObject
{
    /// <summary>Azure Storage connection string for the two tables; empty keeps the SQLite files.</summary>
    public string? TablesConnectionString { get; set; }

    /// <summary>The table of turn records (created when missing).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Operations:TurnsTable must be a valid table name: 3 to 63 letters and digits, starting with a letter")]
    public string TurnsTable { get; set; } = "careerbotturns";

    /// <summary>The table of feedback votes (created when missing).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Operations:FeedbackTable must be a valid table name: 3 to 63 letters and digits, starting with a letter")]
    public string FeedbackTable { get; set; } = "careerbotfeedback";

    /// <summary>A table call slower than this is abandoned and counted as a failed write; the turn is never held longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when the tables, not the SQLite files, hold feedback and turn records.</summary>
    public bool UsesTables => !string.IsNullOrWhiteSpace(TablesConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(TurnsTable, FeedbackTable, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("must differ from Operations:TurnsTable (table names are not case-sensitive)", [nameof(FeedbackTable)]);
        }

        if (UsesTables && OperationalTables.ConnectionStringProblem(TablesConnectionString!) is { } problem)
        {
            yield return new ValidationResult($"is not an Azure Storage connection string: {problem}", [nameof(TablesConnectionString)]);
        }
    }
}
