using System.Text;
using System.Text.Json;

namespace Sharekeep.Core.Resources;

/// <summary>What a well-formed report or dashboard looks like.</summary>
public static class ResourceRules
{
    public const int MaxNameLength = 200;
    public const int MaxReportsPerDashboard = 100;

    /// <summary>
    /// Deepest nesting of a report's data. Every answer wraps the data a few levels further in, and a JSON writer
    /// stops at 64: data nested near that would be stored and then fail every read of it.
    /// </summary>
    public const int MaxDataDepth = 32;

    public static void CheckName(string? name, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "A name is required.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"A name has at most {MaxNameLength} characters.");
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add("name", "A name cannot contain control characters.");
        }
        else if (VisibleText.HasHiddenFormatting(name))
        {
            errors.Add("name", "A name cannot contain invisible formatting (such as direction overrides).");
        }
    }

    public static void CheckData(string dataJson, ValidationErrors errors)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(dataJson), new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDataDepth)
                {
                    errors.Add("data", $"Data nests at most {MaxDataDepth} levels deep.");
                    return;
                }
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    // JSON may escape half a surrogate pair ("\ud800"); it parses, but no writer can write it back out.
                    _ = reader.GetString();
                }
            }
        }
        catch (Exception broken) when (broken is InvalidOperationException or JsonException)
        {
            errors.Add("data", "Data must be JSON whose text is valid Unicode (no lone surrogate escapes such as \\ud800).");
        }
    }

    public static void CheckReportIds(IReadOnlyList<Guid>? reportIds, ValidationErrors errors)
    {
        if (reportIds is null)
        {
            return;
        }
        if (reportIds.Count > MaxReportsPerDashboard)
        {
            errors.Add("reportIds", $"A dashboard holds at most {MaxReportsPerDashboard} reports.");
        }
        if (reportIds.Distinct().Count() != reportIds.Count)
        {
            errors.Add("reportIds", "A report can appear only once on a dashboard.");
        }
    }
}
