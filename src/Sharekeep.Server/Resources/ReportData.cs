using System.Text.Json;

namespace Sharekeep.Server.Resources;

/// <summary>A report's stored JSON text as a value that serializes back as the same JSON, not as a string.</summary>
internal static class ReportData
{
    public static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
