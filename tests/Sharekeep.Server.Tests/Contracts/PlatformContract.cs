using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Sharekeep.Server.Tests.Contracts;

/// <summary>
/// Checks answers of the /api/2.0 dialect against the pinned excerpt of the platform's own OpenAPI description
/// (docspace-backend.subset.yaml): the operation must be there, and the body must satisfy the schema declared for
/// its status.
/// </summary>
public static class PlatformContract
{
    public const string DescriptionFile = "docspace-backend.subset.yaml";

    /// <summary>
    /// Whether <see cref="Infrastructure.SharekeepClient"/> fails a test whose /api/2.0 answer breaks the contract.
    /// On for the whole suite; the validator's own tests call <see cref="Validate"/> directly.
    /// </summary>
    public static bool Enforced { get; set; } = true;

    private static readonly Lazy<Description> Pinned = new(() => Description.Load(Path.Combine(AppContext.BaseDirectory, "Contracts", DescriptionFile)));

    /// <summary>
    /// The contract violations of a JSON request body, against the operation's requestBody: what a client generated
    /// from the description would send. Empty when it conforms.
    /// </summary>
    public static IReadOnlyList<string> ValidateRequest(string method, string requestPath, string body) =>
        Pinned.Value.ValidateRequest(method, requestPath, body);

    /// <summary>The contract violations of one answer; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(string method, string requestPath, int statusCode, string? contentType, string body) =>
        Pinned.Value.Validate(method, requestPath, statusCode, contentType, body);

    private sealed class Description(JsonObject document)
    {
        // The platform declares its error envelope on most operations but not for every status it can answer;
        // an undeclared failure is held to that envelope rather than let through unchecked.
        private const string ErrorEnvelope = "ErrorApiResponse";

        private readonly JsonObject definitions = Corrected(OpenApiSchemaConverter.Definitions(document));
        private readonly IReadOnlyList<PathTemplate> templates = [.. document["paths"]!.AsObject().Select(path => new PathTemplate(path.Key))];
        private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();

        public static Description Load(string file)
        {
            var settings = new OpenApiReaderSettings();
            settings.AddYamlReader();
            using var stream = new MemoryStream(File.ReadAllBytes(file));
            var result = OpenApiDocument.Load(stream, "yaml", settings);
            if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
            {
                var errors = result.Diagnostic?.Errors.Select(error => $"{error.Pointer}: {error.Message}") ?? [];
                throw new InvalidOperationException($"{file} is not a valid OpenAPI description:\n{string.Join('\n', errors)}");
            }
            var json = result.Document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
            return new Description(JsonNode.Parse(json)!.AsObject());
        }

        public List<string> ValidateRequest(string method, string requestPath, string body)
        {
            var (path, template, operation) = Find(method, requestPath);
            if (template is null || operation is null)
            {
                return [$"no operation in the pinned description for {method.ToUpperInvariant()} {path}"];
            }
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } requestSchema)
            {
                return [$"{method.ToUpperInvariant()} {template.Text} takes no JSON body in the pinned description"];
            }
            var schema = schemas.GetOrAdd($"request {method} {template.Text}", _ => Compile(requestSchema));
            return WithoutNullBranches([.. schema.Validate(body).SelectMany(Flatten).Distinct()]);
        }

        private (string Path, PathTemplate? Template, JsonNode? Operation) Find(string method, string requestPath)
        {
            var path = requestPath.Split('?', 2)[0];
            var template = templates.Select(t => (Template: t, Score: t.Match(path))).Where(m => m.Score >= 0).OrderByDescending(m => m.Score).Select(m => m.Template).FirstOrDefault();
            return (path, template, template is null ? null : document["paths"]![template.Text]![method.ToLowerInvariant()]);
        }

        public List<string> Validate(string method, string requestPath, int statusCode, string? contentType, string body)
        {
            var (path, template, operation) = Find(method, requestPath);
            if ((template is null || operation is null) && statusCode is not (Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound or Microsoft.AspNetCore.Http.StatusCodes.Status405MethodNotAllowed))
            {
                return [$"no operation in the pinned description for {method.ToUpperInvariant()} {path}"];
            }

            // A path or method the platform does not have is answered in its error envelope all the same.
            var responseSchema = operation is null ? ErrorEnvelopeSchema() : ResponseSchema(operation.AsObject(), statusCode);
            if (responseSchema is null)
            {
                return [];
            }
            if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return [$"{method.ToUpperInvariant()} {template?.Text ?? path} {statusCode}: expected application/json, got {contentType ?? "no content type"}"];
            }

            var key = $"{method} {template?.Text ?? "(none)"} {statusCode}";
            var schema = schemas.GetOrAdd(key, _ => Compile(responseSchema));
            return WithoutNullBranches([.. schema.Validate(body).SelectMany(Flatten).Distinct()]);
        }

        /// <summary>The schema the answer is held to, or null when the description gives its body no shape.</summary>
        private static JsonNode? ResponseSchema(JsonObject operation, int statusCode)
        {
            var responses = operation["responses"]?.AsObject();
            var response = responses?[statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"];
            var schema = response?["content"]?["application/json"]?["schema"];
            if (schema is null && statusCode >= 400)
            {
                schema = ErrorEnvelopeSchema();
            }
            return schema;
        }

        private static JsonObject ErrorEnvelopeSchema() => new() { ["$ref"] = $"#/components/schemas/{ErrorEnvelope}" };

        private static JsonObject Corrected(JsonObject definitions)
        {
            DescriptionCorrections.Apply(definitions);
            return definitions;
        }

        private JsonSchema Compile(JsonNode responseSchema)
        {
            var root = new JsonObject
            {
                ["allOf"] = new JsonArray(OpenApiSchemaConverter.Convert(responseSchema)),
                ["definitions"] = definitions.DeepClone(),
            };
            return JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
        }

        /// <summary>
        /// A value that may be "X or null" and is a broken X fails both branches; the null branch's "null expected"
        /// says nothing the X branch's errors below it do not, so it is left out.
        /// </summary>
        private static List<string> WithoutNullBranches(List<string> violations) =>
            [.. violations.Where(v => !v.EndsWith(NullExpected, StringComparison.Ordinal)
                || !violations.Any(other => other != v && other.StartsWith(v[..^NullExpected.Length] + ".", StringComparison.Ordinal)))];

        private const string NullExpected = ": null expected";

        private static IEnumerable<string> Flatten(ValidationError error)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                return child.Errors.SelectMany(pair => pair.Value).SelectMany(Flatten);
            }
            return [Describe(error)];
        }

        private static string Describe(ValidationError error)
        {
            var location = new StringBuilder("$");
            var path = error.Path?.TrimStart('#').TrimStart('/') ?? "";
            if (path.Length > 0)
            {
                location.Append('.').Append(path.Replace('/', '.'));
            }
            if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is not null && !path.EndsWith(error.Property, StringComparison.Ordinal))
            {
                location.Append('.').Append(error.Property);
            }
            return $"{location}: {Explain(error.Kind)}";
        }

        private static string Explain(ValidationErrorKind kind) => kind switch
        {
            ValidationErrorKind.PropertyRequired => "required property missing",
            ValidationErrorKind.IntegerExpected => "integer expected",
            ValidationErrorKind.StringExpected => "string expected",
            ValidationErrorKind.BooleanExpected => "boolean expected",
            ValidationErrorKind.NumberExpected => "number expected",
            ValidationErrorKind.ObjectExpected => "object expected",
            ValidationErrorKind.ArrayExpected => "array expected",
            ValidationErrorKind.NullExpected => "null expected",
            ValidationErrorKind.NotInEnumeration => "value outside the enumeration",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "property not allowed (additionalProperties: false)",
            _ => kind.ToString(),
        };
    }

    /// <summary>A path of the description, such as /api/2.0/files/file/{id}/links, matched against concrete paths.</summary>
    private sealed class PathTemplate(string text)
    {
        private readonly string[] segments = text.Trim('/').Split('/');

        public string Text { get; } = text;

        /// <summary>-1 when the path does not fit; otherwise the number of literal segments, so `@my` beats `{folderId}`.</summary>
        public int Match(string path)
        {
            var parts = path.Trim('/').Split('/');
            if (parts.Length != segments.Length)
            {
                return -1;
            }
            var literals = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (segments[i].StartsWith('{') && segments[i].EndsWith('}'))
                {
                    if (parts[i].Length == 0)
                    {
                        return -1;
                    }
                    continue;
                }
                if (!string.Equals(segments[i], Uri.UnescapeDataString(parts[i]), StringComparison.OrdinalIgnoreCase))
                {
                    return -1;
                }
                literals++;
            }
            return literals;
        }
    }
}
