using Sharekeep.Core.Resources;

namespace Sharekeep.Server.Native.Shares;

/// <summary>
/// How resource kinds are spelled on the wire ("report", "dashboard"): in query filters, in answers and
/// in the public share paths, which must all agree.
/// </summary>
internal static class ResourceTypeNames
{
    public static string Of(ResourceKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string value, out ResourceKind kind) =>
        Enum.TryParse(value, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _);
}
