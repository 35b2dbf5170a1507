using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>JSON for the bodies: instances of the description's schemas, those instances broken, and anything at all.</summary>
internal sealed class JsonValues(JsonElement components)
{
    /// <summary>Literals a serializer never writes but a parser must survive.</summary>
    public static readonly string[] RawLiterals =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "-0", "0.0000000000000000000000000001", "1.7976931348623157e309",
        "NaN", "Infinity", "01", "1.", ".5", "+1", "0x10", "\"\\ud800\"", "\"\\u0000\"", "\"\\udfff\\ud800\"", "tru", "nul",
    ];

    private static readonly Gen<string> Words = Gen.OneOf(
        "set", "value", "enabled", "id", "name", "data", "password", "title", "access", "reportIds", "reportId", "dashboardId",
        "linkId", "primary", "internal", "denyDownload", "expirationDate", "columns", "rows", "__proto__", "$type", "");

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.Char["abcXYZ019 -_.:/?#%&=+@!'\"\\<>{}[]~"].Array[0, 24].Select(c => new string(c))),
        (2, Gen.Char["\0\t\n\r\u007f\u0085\u00a0\u00e9\u4e2d\u202e\u200b\ufeff\uffff"].Array[1, 8].Select(c => new string(c))),
        (1, Gen.Const("\ud83d\ude00 emoji")),
        (1, Gen.Int[200, 5000].Select(n => new string('x', n))));

    public static readonly Gen<string> Dates = Gen.OneOf(
        "2020-01-01T00:00:00Z", "2999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00",
        "2024-02-30T00:00:00Z", "yesterday", "", "2030-01-01", "1970-01-01T00:00:00+99:00");

    private static Gen<JsonNode?> Scalar => Gen.Frequency<JsonNode?>(
        (2, Gen.Const((JsonNode?)null)),
        (2, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (3, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0))),
        (2, Gen.Int[0, RawLiterals.Length - 1].Select(i => (JsonNode?)JsonValue.Create(Marker.RawJson(i)))),
        (4, Text.Select(t => (JsonNode?)JsonValue.Create(t))),
        (2, Gen.Int[0, Marker.PoolSize - 1].Select(i => (JsonNode?)JsonValue.Create(Marker.Id(i)))),
        (1, Gen.Int[0, Marker.PoolSize - 1].Select(i => (JsonNode?)JsonValue.Create(Marker.Key(i)))));

    /// <summary>Any JSON value, a few levels deep.</summary>
    public static Gen<JsonNode?> Any(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency<JsonNode?>(
            (6, Scalar),
            (2, Any(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (2, Gen.Select(Words, Any(depth - 1)).Array[0, 4].Select(Object)));

    /// <summary>"[[[...]]]" or {"a":{"a":...}} this deep: the parser's depth limit, and what is kept past it.</summary>
    public static Gen<string> Nested => Gen.Select(Gen.Int[2, 3000], Gen.Bool, (depth, arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    /// <summary>An instance of <paramref name="schema"/> (by its property names, ids are often real ones).</summary>
    public Gen<JsonNode?> Valid(JsonElement schema, string? name = null, int depth = 0)
    {
        if (depth > 6)
        {
            return Gen.Const((JsonNode?)null);
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Valid(components.GetProperty(reference.GetString()!.Split('/')[^1]), name, depth + 1);
        }
        if (schema.TryGetProperty("oneOf", out var options) || schema.TryGetProperty("anyOf", out options))
        {
            return Gen.OneOf(options.EnumerateArray().Select(o => Valid(o, name, depth + 1)).ToArray());
        }
        if (!schema.TryGetProperty("type", out var type))
        {
            // JsonElement: anything, at times nested near the serializer's own depth limit.
            return Gen.Frequency((8, Any(3)), (1, Gen.Int[55, 70].Select(Deep)));
        }
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        var concrete = types.Where(t => t != "null").ToArray();
        var gens = concrete.Select(t => OfType(t, schema, name, depth)).ToArray();
        var some = gens.Length == 0 ? Gen.Const((JsonNode?)null) : Gen.OneOf(gens);
        return types.Contains("null") ? Gen.Frequency((9, some), (1, Gen.Const((JsonNode?)null))) : some;
    }

    private Gen<JsonNode?> OfType(string type, JsonElement schema, string? name, int depth) => type switch
    {
        "object" => ValidObject(schema, depth),
        "array" => (schema.TryGetProperty("items", out var items) ? Valid(items, name, depth + 1) : Any(1))
            .Array[0, 4].Select(a => (JsonNode?)new JsonArray(a)),
        "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        "integer" or "number" => Gen.Int[-2, 200].Select(n => (JsonNode?)JsonValue.Create(n)),
        _ => StringFor(schema, name).Select(s => (JsonNode?)JsonValue.Create(s)),
    };

    private static Gen<string> StringFor(JsonElement schema, string? name)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format == "uuid" || name?.EndsWith("Id", StringComparison.Ordinal) == true || name?.EndsWith("Ids", StringComparison.Ordinal) == true)
        {
            return Gen.Frequency((8, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Id)), (2, Gen.Guid.Select(g => g.ToString())));
        }
        if (format == "date-time")
        {
            return Dates;
        }
        if (name == "password")
        {
            return Gen.Frequency((4, Gen.Const(Marker.LinkPassword)), (4, Text), (1, Gen.Const("")));
        }
        return Text;
    }

    private Gen<JsonNode?> ValidObject(JsonElement schema, int depth)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return Gen.Const<JsonNode?>(() => new JsonObject());
        }
        var members = properties.EnumerateObject()
            .Select(p => Valid(p.Value, p.Name, depth + 1).Select(v => (p.Name, Value: v)))
            .ToArray();
        return Sequence(members).Select(list => Object(list));
    }

    private static JsonNode? Object((string Name, JsonNode? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            result[name] = value;
        }
        return result;
    }

    private static JsonNode? Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 1; i < depth; i++)
        {
            node = new JsonArray(node);
        }
        return node;
    }

    private static Gen<T[]> Sequence<T>(IReadOnlyList<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (all, next) => all.SelectMany(list => next.Select(item => (T[])[.. list, item])));

    /// <summary>A valid instance broken one way: a member removed, replaced or added, the whole replaced, wrapped or cut short.</summary>
    public Gen<string> Mutated(JsonElement schema) =>
        Gen.Select(Valid(schema), Gen.Int[0, 7], Gen.Int[0, 1000], Any(2), Words, (valid, how, where, other, word) =>
        {
            var node = valid?.DeepClone();
            var members = node is JsonObject o ? o.Select(p => p.Key).ToList() : [];
            var member = members.Count > 0 ? members[where % members.Count] : word;
            switch (how)
            {
                case 0 when node is JsonObject removed:
                    removed.Remove(member);
                    return Write(removed);
                case 1 when node is JsonObject replaced:
                    replaced[member] = other;
                    return Write(replaced);
                case 2 when node is JsonObject added:
                    added[word + "x"] = other;
                    return Write(added);
                case 3:
                    return Write(new JsonArray(node));
                case 4:
                    var text = Write(node);
                    return text[..(where % Math.Max(1, text.Length))];
                case 5 when node is JsonObject:
                    return "{\"" + member + "\":null," + Write(node)[1..];
                case 6:
                    return "\ufeff" + Write(node);
                default:
                    return Write(other);
            }
        });

    /// <summary>The JSON text, with raw-literal markers put in place of the strings that carry them.</summary>
    public static string Write(JsonNode? node) =>
        Marker.QuotedRawJson().Replace(node?.ToJsonString() ?? "null", m => RawLiterals[int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]);
}
