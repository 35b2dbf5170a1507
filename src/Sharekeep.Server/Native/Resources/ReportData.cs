using System.Runtime.CompilerServices;
using System.Text.Json;
using Sharekeep.Core.Resources;

namespace Sharekeep.Server.Native.Resources;

/// <summary>A report's stored JSON text as a value that serializes back as the same JSON, not as a string.</summary>
internal static class ReportData
{
    // Parsed once per report instance: a cached report is shared by every request that opens its share, and
    // the parsed element (immutable once cloned) lives exactly as long as the cached report does.
    private static readonly ConditionalWeakTable<Report, Parsed> ParsedData = [];

    public static JsonElement ToElement(Report report) =>
        ParsedData.GetValue(report, r => new Parsed(ToElement(r.DataJson))).Data;

    private static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed record Parsed(JsonElement Data);
}
