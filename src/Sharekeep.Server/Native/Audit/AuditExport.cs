using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Audit;

namespace Sharekeep.Server.Native.Audit;

internal enum AuditExportFormat
{
    Csv,
    JsonLines,
}

/// <summary>
/// The audit as a file: written entry by entry as the store reads them, so an export of any size holds one batch
/// of entries in memory. A failure once the answer has started cuts the connection: the file is then visibly short.
/// </summary>
internal static class AuditExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string JsonLinesType = "application/x-ndjson";

    private static readonly string[] CsvColumns =
        ["id", "at", "action", "actor", "records", "details", "setting", "oldValue", "newValue", "oldPolicy", "newPolicy"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool TryFormat(string? name, out AuditExportFormat format)
    {
        (var known, format) = name switch
        {
            "csv" => (true, AuditExportFormat.Csv),
            "jsonl" => (true, AuditExportFormat.JsonLines),
            _ => (false, default),
        };
        return known;
    }

    public static PushStreamHttpResult Stream(AuditExportFormat format, IAsyncEnumerable<AuditEntry> entries, HttpContext context)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return format == AuditExportFormat.Csv
            ? TypedResults.Stream(body => WriteCsvAsync(body, entries, json, context.RequestAborted), CsvType, "audit.csv")
            : TypedResults.Stream(body => WriteJsonLinesAsync(body, entries, json, context.RequestAborted), JsonLinesType, "audit.jsonl");
    }

    private static async Task WriteJsonLinesAsync(
        Stream body, IAsyncEnumerable<AuditEntry> entries, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var newline = "\n"u8.ToArray();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(body, AuditEntryResponse.Of(entry), json, cancellationToken);
            await body.WriteAsync(newline, cancellationToken);
        }
    }

    private static async Task WriteCsvAsync(
        Stream body, IAsyncEnumerable<AuditEntry> entries, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', CsvColumns));
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var row = AuditEntryResponse.Of(entry);
            await writer.WriteLineAsync(string.Join(',', new[]
            {
                row.Id.ToString(CultureInfo.InvariantCulture),
                row.At.ToString("O", CultureInfo.InvariantCulture),
                row.Action,
                row.Actor,
                string.Join(' ', row.Records),
                row.Details?.GetRawText(),
                row.Setting,
                Flag(row.OldValue),
                Flag(row.NewValue),
                row.OldPolicy is null ? null : JsonSerializer.Serialize(row.OldPolicy, json),
                row.NewPolicy is null ? null : JsonSerializer.Serialize(row.NewPolicy, json),
            }.Select(CsvCell)));
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string? Flag(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>
    /// One cell, quoted when it must be (RFC 4180). A cell that a spreadsheet would take for a formula (it begins
    /// with = + - @, a tab or a carriage return) is given a leading apostrophe: the audit shows names and titles that
    /// people chose, and opening an export must never run what one of them wrote.
    /// </summary>
    internal static string CsvCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
