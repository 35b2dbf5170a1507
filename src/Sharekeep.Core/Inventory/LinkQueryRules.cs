namespace Sharekeep.Core.Inventory;

/// <summary>The inventory's filter as a caller spells it: names and lists still unread.</summary>
public sealed record LinkFilterInput
{
    public IReadOnlyList<string>? Kind { get; init; }
    public Guid? ResourceId { get; init; }
    public Guid? FileId { get; init; }
    public IReadOnlyList<string>? State { get; init; }
    public bool? HasPassword { get; init; }
    public bool? DenyDownload { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public DateTimeOffset? ExpiresAfter { get; init; }
    public DateTimeOffset? ExpiresBefore { get; init; }
    public string? Q { get; init; }
}

/// <summary>How the inventory's parameters are read, and which are refused (each error names its parameter).</summary>
public static class LinkQueryRules
{
    public const int MaxPage = 1000;
    public const int DefaultPage = 100;
    public const int MaxTextLength = 200;

    private static readonly Dictionary<string, LinkKind> KindNames = new(StringComparer.Ordinal)
    {
        ["report"] = LinkKind.Report,
        ["dashboard"] = LinkKind.Dashboard,
        ["file"] = LinkKind.File,
    };

    private static readonly Dictionary<string, LinkState> StateNames = new(StringComparer.Ordinal)
    {
        ["active"] = LinkState.Active,
        ["expired"] = LinkState.Expired,
        ["revoked"] = LinkState.Revoked,
    };

    private static readonly Dictionary<string, LinkSort> SortNames = new(StringComparer.Ordinal)
    {
        ["-created"] = LinkSort.CreatedDescending,
        ["created"] = LinkSort.CreatedAscending,
        ["-expires"] = LinkSort.ExpiresDescending,
        ["expires"] = LinkSort.ExpiresAscending,
    };

    public static string NameOf(LinkKind kind) => KindNames.First(k => k.Value == kind).Key;

    public static string NameOf(LinkState state) => StateNames.First(s => s.Value == state).Key;

    public static string NameOf(LinkSort sort) => SortNames.First(s => s.Value == sort).Key;

    /// <summary>Comma-separated lists ("report,file") as the query string writes them; blanks between commas are refused.</summary>
    public static IReadOnlyList<string>? SplitList(string? value) => value?.Split(',', StringSplitOptions.TrimEntries);

    public static LinkFilter ReadFilter(LinkFilterInput input, ValidationErrors errors)
    {
        // No name or title holds a control character (each is refused when given), and PostgreSQL takes no NUL in
        // text at all: such a search could only fail, so it is refused here.
        if (input.Q is { } q && (q.Length is 0 or > MaxTextLength || string.IsNullOrWhiteSpace(q) || q.Any(char.IsControl)))
        {
            errors.Add("q", $"q is between 1 and {MaxTextLength} characters, not only spaces, and holds no control characters.");
        }
        return new LinkFilter
        {
            Kinds = ReadSet(input.Kind, KindNames, "kind", errors),
            ResourceId = input.ResourceId,
            FileId = input.FileId,
            States = ReadSet(input.State, StateNames, "state", errors),
            HasPassword = input.HasPassword,
            DenyDownload = input.DenyDownload,
            CreatedAfter = input.CreatedAfter,
            CreatedBefore = input.CreatedBefore,
            ExpiresAfter = input.ExpiresAfter,
            ExpiresBefore = input.ExpiresBefore,
            Text = input.Q,
        };
    }

    public static LinkSort ReadSort(string? sort, ValidationErrors errors)
    {
        if (sort is null)
        {
            return LinkSort.CreatedDescending;
        }
        if (SortNames.TryGetValue(sort, out var read))
        {
            return read;
        }
        errors.Add("sort", "sort is created, -created, expires or -expires.");
        return LinkSort.CreatedDescending;
    }

    public static int ReadLimit(int? limit, ValidationErrors errors)
    {
        if (limit is { } given and (< 1 or > MaxPage))
        {
            errors.Add("limit", $"limit is between 1 and {MaxPage}.");
        }
        return limit ?? DefaultPage;
    }

    private static HashSet<T>? ReadSet<T>(IReadOnlyList<string>? names, Dictionary<string, T> known, string field, ValidationErrors errors)
    {
        if (names is null)
        {
            return null;
        }
        var read = new HashSet<T>();
        foreach (var name in names)
        {
            if (known.TryGetValue(name.ToLowerInvariant(), out var value))
            {
                read.Add(value);
            }
            else
            {
                errors.Add(field, $"{field} is {string.Join(", ", known.Keys)}, or several of them comma-separated.");
                return null;
            }
        }
        if (read.Count == 0)
        {
            errors.Add(field, $"{field} names at least one of {string.Join(", ", known.Keys)}.");
        }
        return read;
    }
}
