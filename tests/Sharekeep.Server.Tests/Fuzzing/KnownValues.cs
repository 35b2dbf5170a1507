using System.Globalization;
using System.Text.Json;
using Sharekeep.Core.Keys;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>The real ids, keys, form tokens and form values the fuzz aims at, and the markers' replacement by them.</summary>
internal sealed class KnownValues
{
    public List<string> Ids { get; } = [];

    public List<string> Keys { get; } = [];

    /// <summary>The console's (its session's), the file page's, the sign-in page's, and a forged one.</summary>
    public string?[] FormTokens { get; } = new string?[4];

    public List<string> PageValues { get; } = [];

    public string Resolve(string text) => Marker.Any().Replace(text, m =>
    {
        var index = m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : 0;
        return m.Groups["kind"].Value switch
        {
            "g" => Ids[index % Ids.Count],
            "k" => Keys[index % Keys.Count],
            "t" => FormTokens[index % FormTokens.Length] ?? "",
            "v" => PageValues.Count == 0 ? "" : PageValues[index % PageValues.Count],
            "s" => SharekeepApplication.Secret,
            _ => FuzzWorld.LinkPassword,
        };
    });

    public void Learn(Answer answer) => Learn(answer.Text);

    /// <summary>Ids and keys in an answer become values the fuzz can aim at (the first ones, the seeds, always stay).</summary>
    public void Learn(string answer)
    {
        if (!answer.StartsWith('{') && !answer.StartsWith('['))
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(answer);
            Walk(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON after all.
        }
    }

    private void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                var last = text.Split('/')[^1];
                if (Guid.TryParse(text, out _))
                {
                    Remember(Ids, text);
                }
                else if (LinkKeyFormat.IsWellFormed(last))
                {
                    Remember(Keys, last);
                }
                break;
        }
    }

    public static void Remember(List<string> pool, string value)
    {
        if (pool.Contains(value))
        {
            return;
        }
        if (pool.Count < Marker.PoolSize)
        {
            pool.Add(value);
        }
        else
        {
            // Past the pool's size the newest replace the middle; the seeds at the front stay aimed at.
            pool[8 + (value.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % (Marker.PoolSize - 8)] = value;
        }
    }
}
