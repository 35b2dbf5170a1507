using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Sharekeep.Core;
using Sharekeep.Core.Inventory;

namespace Sharekeep.Server.Native.Links;

/// <summary>
/// Reads the inventory's parameters from text, each mistake named by its parameter, and seals cursors: a cursor
/// holds a link's key, and URLs with cursors end up in proxies' logs, so what a client sees is encrypted.
/// </summary>
internal sealed class LinkParameters(IDataProtectionProvider protection)
{
    private readonly IDataProtector _cursors = protection.CreateProtector("Sharekeep.LinkCursor.v1");

    public string Seal(LinkPosition position) => _cursors.Protect(LinkCursor.Write(position));

    public LinkPosition? Open(string? cursor, LinkSort sort, ValidationErrors errors)
    {
        if (cursor is null)
        {
            return null;
        }
        string text;
        try
        {
            text = _cursors.Unprotect(cursor);
        }
        catch (CryptographicException)
        {
            errors.Add("cursor", "cursor is not one this server gave out; pass nextCursor of the previous page unchanged.");
            return null;
        }
        var position = LinkCursor.Read(text, sort);
        if (position is null)
        {
            errors.Add("cursor", "cursor was made for another sort; keep the sort of the page it came from.");
        }
        return position;
    }

    public static Guid? Id(string name, string? value, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }
        errors.Add(name, $"{name} is a guid.");
        return null;
    }

    public static DateTimeOffset? Time(string name, string? value, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        errors.Add(name, $"{name} is a date-time such as 2026-12-01T12:00:00Z.");
        return null;
    }

    public static bool? Flag(string name, string? value, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }
        errors.Add(name, $"{name} is true or false.");
        return null;
    }

    /// <summary>A JSON true or false, read here rather than by the serializer so that any other value is named in the answer.</summary>
    public static bool? Flag(string name, JsonElement? value, ValidationErrors errors)
    {
        switch (value)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.True or JsonValueKind.False } flag:
                return flag.GetBoolean();
            default:
                errors.Add(name, $"{name} is true or false.");
                return null;
        }
    }

    /// <summary>A JSON string or array of strings, as a bulk filter's kind or state may be.</summary>
    public static IReadOnlyList<string>? Names(string name, JsonElement? value, ValidationErrors errors)
    {
        switch (value)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } one:
                return [one.GetString()!];
            case { ValueKind: JsonValueKind.Array } many when many.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                return [.. many.EnumerateArray().Select(e => e.GetString()!)];
            default:
                errors.Add(name, $"{name} is a name or a list of names.");
                return null;
        }
    }
}
