using System.Text.Json.Nodes;

namespace Sharekeep.Server.Tests.Contracts;

/// <summary>
/// Turns OpenAPI 3.0/3.1 schemas into the draft-4-style JSON Schema that NJsonSchema validates with:
/// component references become definitions, `nullable: true` becomes a "null" type, and the keywords that only
/// document (examples, descriptions, x- extensions) are dropped so that none of them is mistaken for a rule.
/// </summary>
internal static class OpenApiSchemaConverter
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly HashSet<string> Documentation =
        ["description", "examples", "example", "deprecated", "readOnly", "writeOnly", "title", "contentMediaType", "externalDocs", "xml", "discriminator"];

    private static readonly HashSet<string> SchemaLists = ["allOf", "oneOf", "anyOf"];

    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties"];

    private static readonly HashSet<string> SchemaValues = ["items", "additionalProperties", "not"];

    /// <summary>Every component schema of the document, converted, keyed by its name.</summary>
    public static JsonObject Definitions(JsonObject document)
    {
        var definitions = new JsonObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            definitions[name] = Convert(schema!);
        }
        return definitions;
    }

    public static JsonNode Convert(JsonNode schema)
    {
        if (schema is not JsonObject source)
        {
            return schema.DeepClone();
        }
        if (source["$ref"]?.GetValue<string>() is { } reference)
        {
            // A reference with siblings: in OpenAPI 3.1 the siblings only annotate, so the reference is the rule.
            return new JsonObject { ["$ref"] = reference.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? "#/definitions/" + reference[ComponentPrefix.Length..] : reference };
        }

        var target = new JsonObject();
        var nullable = false;
        foreach (var (key, value) in source)
        {
            if (value is null || Documentation.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }
            if (key == "nullable")
            {
                nullable = value.GetValue<bool>();
                continue;
            }
            target[key] = key switch
            {
                _ when SchemaLists.Contains(key) => new JsonArray([.. value.AsArray().Select(item => Convert(item!))]),
                _ when SchemaMaps.Contains(key) => new JsonObject(value.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Convert(p.Value!)))),
                _ when SchemaValues.Contains(key) && value is JsonObject => Convert(value),
                _ => value.DeepClone(),
            };
        }
        if (nullable)
        {
            AllowNull(target);
        }
        return target;
    }

    private static void AllowNull(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonArray types when !types.Any(t => t?.GetValue<string>() == "null"):
                types.Add("null");
                break;
            case JsonValue type when type.GetValue<string>() != "null":
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                break;
            case null when schema["enum"] is JsonArray values:
                values.Add(null);
                break;
        }
        if (schema["enum"] is JsonArray enumeration && !enumeration.Any(v => v is null))
        {
            enumeration.Add(null);
        }
    }
}
