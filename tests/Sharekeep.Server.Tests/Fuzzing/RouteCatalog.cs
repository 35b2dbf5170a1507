using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>One method on one route: what the fuzz aims at.</summary>
/// <param name="Template">The route with its parameters as <c>{name}</c>, constraints left out.</param>
/// <param name="JsonBody">The request body's JSON schema when the description has one.</param>
/// <param name="Documented">Whether the OpenAPI document describes it (the pages and the console it leaves out).</param>
internal sealed record RouteOperation(
    string Template,
    string Method,
    IReadOnlyList<RouteParameter> PathParameters,
    IReadOnlyList<RouteParameter> QueryParameters,
    JsonElement? JsonBody,
    bool Multipart,
    bool Documented)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <param name="Schema">Its schema in the description; an empty object for routes the description leaves out.</param>
internal sealed record RouteParameter(string Name, JsonElement Schema)
{
    public bool IsUuid => Schema.TryGetProperty("format", out var format) && format.GetString() == "uuid";
}

/// <summary>
/// Every operation the running app serves: those of its OpenAPI document (with their parameters and body schemas)
/// and, from its endpoint data source, those the document leaves out — so a new route is fuzzed without being listed.
/// </summary>
internal static class RouteCatalog
{
    private static readonly JsonElement NoSchema = JsonDocument.Parse("{}").RootElement;

    public static IReadOnlyList<RouteOperation> Read(JsonDocument description, IServiceProvider services)
    {
        var operations = new List<RouteOperation>();
        foreach (var path in description.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                operations.Add(Documented(path.Name, operation.Name.ToUpperInvariant(), operation.Value));
            }
        }
        var known = operations.Select(o => (o.Template, o.Method)).ToHashSet();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = Template(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => known.Add((template, m))))
            {
                var parameters = endpoint.RoutePattern.Parameters.Select(p => new RouteParameter(p.Name, NoSchema)).ToList();
                operations.Add(new RouteOperation(template, method, parameters, [], null, Multipart: false, Documented: false));
            }
        }
        return operations;
    }

    private static RouteOperation Documented(string template, string method, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        RouteParameter[] In(string where) => parameters
            .Where(p => p.GetProperty("in").GetString() == where)
            .Select(p => new RouteParameter(p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var s) ? s : NoSchema))
            .ToArray();
        JsonElement? json = null;
        var multipart = false;
        if (operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
        {
            json = content.TryGetProperty("application/json", out var media) && media.TryGetProperty("schema", out var schema) ? schema : null;
            multipart = content.TryGetProperty("multipart/form-data", out _);
        }
        return new RouteOperation(template, method, In("path"), In("query"), json, multipart, Documented: true);
    }

    /// <summary>"/admin/files/{fileId:guid}/links" as the description writes it: "/admin/files/{fileId}/links".</summary>
    private static string Template(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
