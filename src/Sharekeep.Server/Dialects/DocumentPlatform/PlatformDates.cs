using System.Globalization;
using System.Text.Json;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>
/// The platform's ApiDateTime. Its server writes a date as a round-trip string with seven decimals and the
/// offset, "Z" when the offset is zero ("2026-12-01T10:00:00.0000000Z"); its clients send such a string (the
/// description's example has a space for the "T"), or the object {"utcTime": ..., "timeZoneOffset": ...} older
/// generated SDKs hold it in, or null or {} for "no date".
/// </summary>
internal static class PlatformDates
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Sharekeep has no portal time zone: it answers in UTC, which the platform's server writes with "Z".</summary>
    public static string Write(DateTimeOffset value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static string? Write(DateTimeOffset? value) => value is { } date ? Write(date) : null;

    /// <summary>The date sent in <paramref name="field"/>: null for none, or the error to answer, naming the field.</summary>
    public static (DateTimeOffset? Value, string? Error) Read(JsonElement? element, string field)
    {
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        var expected = $"{field} must be a date such as \"2026-12-31T18:00:00.0000000Z\", an object {{\"utcTime\": \"2026-12-31T18:00:00Z\"}}, or null for no expiry.";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Parse(value.GetString()) is { } date ? (date, null) : (null, expected);
            case JsonValueKind.Object:
                JsonElement? utcTime = null;
                var unknown = false;
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name.Equals("utcTime", StringComparison.OrdinalIgnoreCase))
                    {
                        // Two of them could say a date and "none": which one the client meant is not ours to guess.
                        if (utcTime is not null)
                        {
                            return (null, $"{field}.utcTime is given twice. " + expected);
                        }
                        utcTime = property.Value;
                    }
                    else if (!property.Name.Equals("timeZoneOffset", StringComparison.OrdinalIgnoreCase))
                    {
                        unknown = true;
                    }
                }
                // {} (and {"utcTime": null}) is how the clients' empty ApiDateTime goes on the wire: no date. An object
                // of other members is a date under a name Sharekeep does not read; taking it for "none" would make a
                // link that never expires out of one meant to.
                if (utcTime is not { } time || time.ValueKind == JsonValueKind.Null)
                {
                    return unknown ? (null, expected) : (null, null);
                }
                return time.ValueKind == JsonValueKind.String && Parse(time.GetString()) is { } utc
                    ? (utc, null)
                    : (null, $"{field}.utcTime is not a date. " + expected);
            default:
                return (null, expected);
        }
    }

    /// <summary>A date without an offset is read as UTC: Sharekeep has no portal time zone to read it in.</summary>
    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var date)
            ? date
            : null;
}
