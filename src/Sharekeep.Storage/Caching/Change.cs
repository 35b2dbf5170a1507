namespace Sharekeep.Storage.Caching;

/// <summary>What kind of record changed; with its key, the unit of cache invalidation and of change notices.</summary>
public enum ChangeArea
{
    Policy,
    Share,
    Report,
    Dashboard,
    File,
    FileLink,
    /// <summary>A link's wrong passwords (keyed by link id).</summary>
    PasswordLink,
    /// <summary>A client network's wrong passwords (keyed by network).</summary>
    PasswordNetwork,

    /// <summary>The link policy: one record, whatever its key.</summary>
    LinkPolicy,

    /// <summary>The webhook endpoints' subscriptions: one record, whatever its key.</summary>
    Webhook,
}

/// <summary>One changed record, as announced between instances: "area:key".</summary>
public readonly record struct Change(ChangeArea Area, string Key)
{
    /// <summary>The policy is cached as one record, whichever setting changed.</summary>
    public const string PolicyKey = "*";

    public static Change Policy => new(ChangeArea.Policy, PolicyKey);

    public static Change LinkPolicy => new(ChangeArea.LinkPolicy, PolicyKey);

    public static Change Webhooks => new(ChangeArea.Webhook, PolicyKey);

    private static readonly Dictionary<string, ChangeArea> Names = new(StringComparer.Ordinal)
    {
        ["policy"] = ChangeArea.Policy,
        ["share"] = ChangeArea.Share,
        ["report"] = ChangeArea.Report,
        ["dashboard"] = ChangeArea.Dashboard,
        ["file"] = ChangeArea.File,
        ["filelink"] = ChangeArea.FileLink,
        ["passwordlink"] = ChangeArea.PasswordLink,
        ["passwordnet"] = ChangeArea.PasswordNetwork,
        ["linkpolicy"] = ChangeArea.LinkPolicy,
        ["webhook"] = ChangeArea.Webhook,
    };

    /// <summary>Reads a notice's payload; null for one this version does not know, which then clears everything.</summary>
    public static Change? Parse(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Names.TryGetValue(payload[..colon], out var area))
        {
            return null;
        }
        return area switch
        {
            ChangeArea.Policy => Policy,
            ChangeArea.LinkPolicy => LinkPolicy,
            ChangeArea.Webhook => Webhooks,
            _ => new Change(area, payload[(colon + 1)..]),
        };
    }
}
