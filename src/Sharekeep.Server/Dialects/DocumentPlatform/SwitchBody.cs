using System.Text.Json;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>
/// The body of a settings switch. The platform's documents send {"displayValue": bool} and its server reads
/// {"set": bool}; both are taken, names in any case. Unlike the platform, a body without a boolean is refused
/// rather than read as "off": an administrator's typo must not switch sharing off.
/// </summary>
internal static class SwitchBody
{
    private const string Expected = "Send {\"set\": true} or {\"set\": false} (or the same with \"displayValue\").";
    private static readonly string[] Names = ["set", "displayValue"];

    public static async Task<(bool? Value, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return (null, "The body is not JSON. " + Expected);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body is not a JSON object. " + Expected);
            }
            bool? value = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Names.Any(name => name.Equals(property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return (null, $"\"{property.Name}\" must be true or false. " + Expected);
                }
                var given = property.Value.GetBoolean();
                if (value is { } earlier && earlier != given)
                {
                    return (null, "\"set\" and \"displayValue\" disagree. " + Expected);
                }
                value = given;
            }
            return value is null ? (null, "The body has no boolean. " + Expected) : (value, null);
        }
    }
}
