using System.Text;
using System.Text.RegularExpressions;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>
/// One generated request, before it is sent. Real ids, keys, the secret and form tokens only exist once the app runs
/// (and more appear as the fuzz creates things), so the plan holds markers (<see cref="Marker"/>) that the world
/// replaces when it sends.
/// </summary>
internal sealed record FuzzPlan(
    int Operation, string Method, IReadOnlyList<string> PathValues, string Query, IReadOnlyList<FuzzHeader> Headers, FuzzAuth Auth, FuzzBody? Body)
{
    public override string ToString() =>
        $"#{Operation} {Method} [{string.Join(", ", PathValues.Select(Shown))}] query={Shown(Query)} auth={Auth} " +
        $"headers=[{string.Join("; ", Headers.Select(h => $"{h.Name}: {Shown(h.Value)}"))}] body={Body}";

    internal static string Shown(string text) =>
        text.Length > 300 ? Escaped(text[..300]) + $"...({text.Length} chars)" : Escaped(text);

    private static string Escaped(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text)
        {
            shown.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return shown.ToString();
    }
}

internal sealed record FuzzHeader(string Name, string Value);

internal enum FuzzAuth
{
    None,
    BearerRight,
    BearerWrong,
    AuthenticationHeaderRight,
    BearerLowercaseScheme,
    BearerRightWithJunk,
    BearerEmpty,
    Basic,
    Browser,
    BrowserAndBearer,
    GarbageCookie,

    /// <summary>An API key with the read scope only: writes must be 403, reads must work.</summary>
    ReadKey,

    /// <summary>An API key with the share scope only.</summary>
    ShareKey,

    /// <summary>A well-formed key that was never issued.</summary>
    UnknownKey,
}

internal enum BodyEncoding
{
    Utf8,
    Utf16,

    /// <summary>Each char of the text is one byte (random bytes, multipart).</summary>
    Bytes,
}

internal sealed record FuzzBody(string? ContentType, string Text, BodyEncoding Encoding)
{
    public byte[] Encode(string text) => Encoding switch
    {
        BodyEncoding.Utf16 => System.Text.Encoding.Unicode.GetBytes(text),
        BodyEncoding.Bytes => text.Select(c => (byte)c).ToArray(),
        _ => System.Text.Encoding.UTF8.GetBytes(text),
    };

    public override string ToString() => $"{ContentType ?? "(no content type)"} {Encoding} {FuzzPlan.Shown(Text)}";
}

/// <summary>Placeholders in generated text for values only the running app knows.</summary>
internal static partial class Marker
{
    public const int PoolSize = 64;
    public const string Secret = "@@s@@";
    public const string LinkPassword = "@@p@@";

    /// <summary>A real resource id (reports, dashboards, files, links, sessions), by index into what the world has seen.</summary>
    public static string Id(int index) => $"@@g{index}@@";

    /// <summary>A real share or file link key.</summary>
    public static string Key(int index) => $"@@k{index}@@";

    /// <summary>A form token the pages handed out.</summary>
    public static string FormToken(int index) => $"@@t{index}@@";

    /// <summary>A value the console page offers in its forms (option values: "report:&lt;id&gt;", a file's id...).</summary>
    public static string PageValue(int index) => $"@@v{index}@@";

    /// <summary>A raw JSON literal from <see cref="JsonValues.RawLiterals"/>, written where a quoted string would be.</summary>
    public static string RawJson(int index) => $"@@j{index}@@";

    [GeneratedRegex("\"@@j(?<index>\\d+)@@\"")]
    public static partial Regex QuotedRawJson();

    [GeneratedRegex("@@(?<kind>[gktv])(?<index>\\d+)@@|@@(?<kind>[sp])@@")]
    public static partial Regex Any();
}
