using System.Globalization;
using System.Text.RegularExpressions;
using Sharekeep.Core.Audit;

namespace Sharekeep.Server.Native.Audit;

/// <summary>Reads the audit's query parameters; a bad one is named in the answer, and nothing is read.</summary>
internal static partial class AuditParameters
{
    private const int MaxActorLength = 128;

    public static bool TryRead(AuditFilterParameters given, bool paged, out AuditQuery query, out string error)
    {
        query = new AuditQuery();
        error = "";
        var limit = AuditQuery.DefaultLimit;
        if (given.Limit is not null)
        {
            if (!paged)
            {
                error = "limit pages the list; an export answers every matching entry (narrow it with beforeId, afterId, action, actor, from and to).";
                return false;
            }
            if (!int.TryParse(given.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AuditQuery.MaxLimit)
            {
                error = $"limit is a whole number between 1 and {AuditQuery.MaxLimit}.";
                return false;
            }
        }
        if (!TryId(given.BeforeId, "beforeId", out var before, ref error) || !TryId(given.AfterId, "afterId", out var after, ref error))
        {
            return false;
        }
        if (given.Action is { } action && !AuditActions.IsFilter(action))
        {
            error = $"action is an action's name (such as share.created) or a prefix of names ending in \".\" (such as share.), of letters and dots, at most {AuditActions.MaxLength} characters.";
            return false;
        }
        if (given.Actor is { } actor && (actor.Length is 0 or > MaxActorLength || actor.Any(char.IsControl)))
        {
            error = $"actor is a credential as entries name it (api-secret, key:<id>, console:<session>/...), 1 to {MaxActorLength} characters.";
            return false;
        }
        if (!TryMoment(given.From, "from", out var from, ref error) || !TryMoment(given.To, "to", out var to, ref error))
        {
            return false;
        }
        query = new AuditQuery(limit, before, after, given.Action, given.Actor, from, to);
        return true;
    }

    private static bool TryId(string? text, string name, out long? id, ref string error)
    {
        id = null;
        if (text is null)
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            id = value;
            return true;
        }
        error = $"{name} is an entry's id: a whole number, 0 or more.";
        return false;
    }

    /// <summary>A moment with its offset: without one, "10:00" would mean whatever time zone the server is in.</summary>
    private static bool TryMoment(string? text, string name, out DateTimeOffset? moment, ref string error)
    {
        moment = null;
        if (text is null)
        {
            return true;
        }
        if (IsoMoment().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            moment = value;
            return true;
        }
        error = $"{name} is a date and time with its offset, such as 2026-12-01T09:30:00Z or 2026-12-01T10:30:00%2B01:00 (a + in a URL is written %2B).";
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMoment();
}
