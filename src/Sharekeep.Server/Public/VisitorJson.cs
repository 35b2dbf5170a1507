using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Dialects.ReportingTool;

namespace Sharekeep.Server.Public;

/// <summary>
/// Source-generated JSON for what visitors are answered: no reflection on their hot path. The options are the web
/// defaults the framework's own JSON results use (camelCase, nulls written unless a field says otherwise), so an
/// answer reads the same whichever writes it; the framework uses this metadata too (<see cref="VisitorJsonExtensions.AddVisitorJson"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReportEvaluation))]
[JsonSerializable(typeof(DashboardDefinition))]
[JsonSerializable(typeof(ReportingToolError))]
[JsonSerializable(typeof(ExternalShareResponse))]
[JsonSerializable(typeof(PlatformEnvelope<ExternalShareResponse>))]
[JsonSerializable(typeof(PlatformEnvelope<PreparedJson>))]
[JsonSerializable(typeof(PlatformError))]
internal sealed partial class VisitorJson : JsonSerializerContext;

internal static class VisitorJsonExtensions
{
    /// <summary>The framework's JSON results and the error writer take these types' metadata from here first.</summary>
    public static WebApplicationBuilder AddVisitorJson(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, VisitorJson.Default));
        return builder;
    }
}

/// <summary>
/// JSON prepared once and written as it is wherever a value of it belongs (inside an envelope, or as a whole answer).
/// The bytes are trusted: they come from <see cref="VisitorJson"/>, never from a client.
/// </summary>
[JsonConverter(typeof(PreparedJsonConverter))]
internal sealed class PreparedJson(byte[] utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public static PreparedJson Of<T>(T value, JsonTypeInfo<T> type) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, type));
}

internal sealed class PreparedJsonConverter : JsonConverter<PreparedJson>
{
    public override PreparedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Prepared JSON is only ever written.");

    public override void Write(Utf8JsonWriter writer, PreparedJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
