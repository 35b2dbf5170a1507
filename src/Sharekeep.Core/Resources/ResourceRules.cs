namespace Sharekeep.Core.Resources;

/// <summary>What a well-formed report or dashboard looks like.</summary>
public static class ResourceRules
{
    public const int MaxNameLength = 200;
    public const int MaxReportsPerDashboard = 100;

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
