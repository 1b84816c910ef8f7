using System.Text;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// Builds an FTS5 MATCH expression from analysed terms. Every term is a quoted string, so
/// FTS5 syntax in user text (quotes, '*', NEAR, '-', '^', column filters, AND/OR/NOT) is
/// never interpreted: it is at most a word to look for.
/// </summary>
public static class FtsQuery
{
    public static string AnyOf(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var builder = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term) || !seen.Add(term))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }
}
