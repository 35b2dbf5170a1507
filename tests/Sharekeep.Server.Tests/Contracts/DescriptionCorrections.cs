using System.Text.Json.Nodes;

namespace Sharekeep.Server.Tests.Contracts;

/// <summary>
/// The few places where the pinned description contradicts its own text and the product's answers. Each is applied
/// to the converted schemas, not to the pinned file (which stays a verbatim excerpt), and says why. A correction
/// only ever widens what is allowed to what the product itself sends; none drops a required field.
/// </summary>
internal static class DescriptionCorrections
{
    public static void Apply(JsonObject definitions)
    {
        // FileShareDto.sharedTo is declared `type: "null"` (how the generator renders the server's `object`), while
        // the operations' own text says "Read the address from `sharedTo.shareLink`" and the product fills it with
        // the link: older clients read the link there. It is the link object, or null.
        Property(definitions, "FileShareDto", "sharedTo", new JsonObject
        {
            ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/FileShareLink" }, new JsonObject { ["type"] = "null" }),
        });

        // PUT files/file/{id}/links answers "nothing when it was revoked" (the description's own response text, and
        // the product's answer): the envelope's response is null then.
        Property(definitions, "FileShareWrapper", "response", new JsonObject
        {
            ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/FileShareDto" }, new JsonObject { ["type"] = "null" }),
        });
    }

    private static void Property(JsonObject definitions, string schema, string property, JsonObject replacement)
    {
        var properties = definitions[schema]?["properties"]?.AsObject()
            ?? throw new InvalidOperationException($"The pinned description has no {schema} with properties: the correction of {schema}.{property} is stale.");
        if (!properties.ContainsKey(property))
        {
            throw new InvalidOperationException($"The pinned description's {schema} has no {property}: the correction is stale.");
        }
        properties[property] = replacement;
    }
}
