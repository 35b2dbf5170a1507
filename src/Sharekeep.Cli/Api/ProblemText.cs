using System.Text;
using System.Text.Json;

namespace Sharekeep.Cli.Api;

/// <summary>
/// The words of an error answer, in each of the server's three shapes: problem details (/api/v1), the document
/// platform's envelope (/api/2.0) and the reporting tool's error (/api/public, /api/share).
/// </summary>
internal static class ProblemText
{
    public static string? Of(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? FromProblem(root) ?? FromPlatform(root) ?? FromReportingTool(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FromProblem(JsonElement root)
    {
        var title = Text(root, "title");
        if (title is null)
        {
            return null;
        }
        var words = new StringBuilder(title);
        if (Text(root, "detail") is { } detail)
        {
            words.Append(' ').Append(detail);
        }
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(" ", field.Value.EnumerateArray().Select(m => m.ToString()))
                    : field.Value.ToString();
                words.Append(Environment.NewLine).Append("  ").Append(field.Name).Append(": ").Append(messages);
            }
        }
        return words.ToString();
    }

    private static string? FromPlatform(JsonElement root) =>
        root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? Text(error, "message") : null;

    private static string? FromReportingTool(JsonElement root) =>
        Text(root, "errorMessage") is { } message ? Text(root, "detailedMessage") is { } detail ? $"{message} {detail}" : message : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
