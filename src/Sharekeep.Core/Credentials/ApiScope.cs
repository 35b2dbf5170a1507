namespace Sharekeep.Core.Credentials;

/// <summary>What an API key may do. <see cref="Admin"/> includes every other scope; the others are independent.</summary>
public enum ApiScope
{
    /// <summary>Every read of the admin API: resources, links, files, the policy, the audit log.</summary>
    Read,

    /// <summary>Make and revoke links: report and dashboard shares, file links.</summary>
    Share,

    /// <summary>Add and remove what links point at: reports, dashboards, uploaded files.</summary>
    Content,

    /// <summary>The sharing switches.</summary>
    Policy,

    /// <summary>Everything, including API keys and whatever a scope does not name.</summary>
    Admin,

    /// <summary>
    /// Only the Prometheus scrape: the key a monitoring system keeps in its configuration file cannot list links
    /// or export the audit. <see cref="Read"/> grants it too, so keys made before it existed still scrape.
    /// </summary>
    Metrics,
}

/// <summary>The scopes' names on the wire ("read", "share", "content", "policy", "admin", "metrics").</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyList<ApiScope> All = Enum.GetValues<ApiScope>();

    public static string Name(ApiScope scope) => scope.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ApiScope scope)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                scope = candidate;
                return true;
            }
        }
        scope = default;
        return false;
    }

    public static bool Grants(IReadOnlyCollection<ApiScope> held, ApiScope needed) =>
        held.Contains(ApiScope.Admin) || held.Contains(needed) || (needed == ApiScope.Metrics && held.Contains(ApiScope.Read));
}
