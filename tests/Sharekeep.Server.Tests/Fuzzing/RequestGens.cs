using System.Text;
using CsCheck;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>
/// Random requests at the catalog's operations: mostly their own methods with real and broken parameters, headers and
/// bodies, sometimes another method altogether.
/// </summary>
internal sealed class RequestGens(IReadOnlyList<RouteOperation> operations, JsonValues json, IReadOnlyList<string> formFields)
{
    private static readonly Gen<string> OddMethods = Gen.OneOf(
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "FOO", "get", "Post", "M-SEARCH");

    private static readonly Gen<string> RawSegments = Gen.OneOf(
        "", ".", "..", "%2e%2e", "%2E", "..%2f..%2fadmin", "%2F", "%00", "a%00b", "%ZZ", "%", "%C0%AF", "%FF%FE", "%E2%80%AE",
        "~", "a;b=c", "%20", "+", "*", "%25", "%u0041", "con", "a.json", "-1", "0", "99999999999999999999", "null", "undefined");

    private static readonly Gen<string> KeyShaped =
        Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].Array[30, 34].Select(c => new string(c));

    private static readonly Gen<string> GuidForms = Gen.Select(Gen.Guid, Gen.OneOf("D", "N", "B", "P", "X"), Gen.Bool,
        (g, format, upper) => upper ? g.ToString(format).ToUpperInvariant() : g.ToString(format));

    private static readonly Gen<string> Accept = Gen.OneOf(
        "application/json", "text/html", "*/*", "application/xml", "text/html;q=0.1, application/json", "garbage;;q=x",
        "application/problem+json", "image/*", "text/plain; charset=utf-7", "");

    private static readonly Gen<FuzzHeader> Extra = Gen.OneOf(
        Gen.OneOf("bytes=0-5", "bytes=-1", "bytes=5-0", "bytes=0-99999999999999999999", "bytes=a-b", "items=0-1", "bytes=0-1,2-3,0-0")
            .Select(v => new FuzzHeader("Range", v)),
        Gen.OneOf("\"x\"", "*", "W/\"", "garbage").Select(v => new FuzzHeader("If-None-Match", v)),
        Gen.OneOf("Thu, 01 Jan 1970 00:00:00 GMT", "not a date", "Fri, 31 Dec 9999 23:59:59 GMT").Select(v => new FuzzHeader("If-Modified-Since", v)),
        Gen.OneOf("10.0.0.1", "::1", "1.2.3.4, 5.6.7.8", "garbage", "999.1.1.1").Select(v => new FuzzHeader("X-Forwarded-For", v)),
        Gen.OneOf("https", "ftp", "").Select(v => new FuzzHeader("X-Forwarded-Proto", v)),
        Gen.OneOf("gzip", "br", "deflate", "identity, gzip").Select(v => new FuzzHeader("Content-Encoding", v)),
        Gen.OneOf("http://evil.example", "null").Select(v => new FuzzHeader("Origin", v)),
        Gen.OneOf("sharekeep-admin=garbage", "a=b; ; =", ".AspNetCore.Antiforgery.x=%%%").Select(v => new FuzzHeader("Cookie", v)),
        Gen.OneOf("100-continue", "garbage").Select(v => new FuzzHeader("Expect", v)),
        Gen.OneOf("en", "*;q=garbage", "zz-ZZ").Select(v => new FuzzHeader("Accept-Language", v)),
        JsonValues.Text.Select(v => new FuzzHeader("User-Agent", HeaderSafe(v))),
        JsonValues.Text.Select(v => new FuzzHeader("X-" + HeaderSafe(v).Length, HeaderSafe(v))));

    public Gen<FuzzPlan> Plan => Gen.OneOf(operations.Select(For).ToArray());

    private Gen<FuzzPlan> For(RouteOperation operation, int index)
    {
        var method = Gen.Frequency((8, Gen.Const(operation.Method)), (2, OddMethods));
        var path = Sequence(operation.PathParameters.Select(PathValue).ToArray());
        var headers = Gen.Select(Gen.Frequency((2, Gen.Const((string?)null)), (5, Accept.Select(a => (string?)a))), Extra.Array[0, 3],
            (accept, extra) => (IReadOnlyList<FuzzHeader>)(accept is null ? extra : [new FuzzHeader("Accept", accept), .. extra]));
        var auth = Gen.Frequency(
            (6, Gen.Const(FuzzAuth.BearerRight)), (2, Gen.Const(FuzzAuth.None)), (2, Gen.Const(FuzzAuth.Browser)),
            (3, Gen.Enum<FuzzAuth>()));
        return Gen.Select(method, path, Query(operation), headers, auth, Body(operation),
            (m, p, q, h, a, b) => new FuzzPlan(index, m, p, q, h, a, b));
    }

    private static Gen<string> PathValue(RouteParameter parameter)
    {
        var idLike = parameter.IsUuid || parameter.Name.EndsWith("Id", StringComparison.Ordinal) && parameter.Name != "shareId";
        return Gen.Frequency(
            (idLike ? 30 : 8, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Id)),
            (idLike ? 6 : 30, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Key)),
            (6, GuidForms),
            (4, KeyShaped),
            (6, JsonValues.Text.Select(Escape)),
            (5, RawSegments),
            (1, Gen.Int[256, 6000].Select(n => new string('a', n))));
    }

    private static Gen<string> Query(RouteOperation operation)
    {
        var names = operation.QueryParameters.Select(p => p.Name).Concat(["limit", "q", "notice", "disposition", "x"]).ToArray();
        var value = Gen.Frequency(
            (3, Gen.OneOf("true", "false", "maybe", "0", "1", "-1", "100", "2147483648", "99999999999999999999", "1e3", "")),
            (3, Gen.OneOf("report", "dashboard", "file", "inline", "attachment", "Report", "2")),
            (3, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Id)),
            (1, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Key)),
            (3, JsonValues.Text.Select(Escape)),
            (1, Gen.OneOf("%zz", "%", "a%00", "%C0%80")));
        var pair = Gen.Frequency(
            (6, Gen.Select(Gen.OneOf(names), value, (n, v) => n + "=" + v)),
            (1, Gen.OneOf(names)),
            (1, Gen.Select(JsonValues.Text, value, (n, v) => Escape(n) + "=" + v)));
        return pair.Array[0, 4].Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join('&', pairs));
    }

    private Gen<FuzzBody?> Body(RouteOperation operation)
    {
        var page = !operation.Documented;
        var jsonBody = operation.JsonBody is { } schema
            ? Gen.Frequency((5, json.Valid(schema).Select(JsonValues.Write)), (5, json.Mutated(schema)))
            : JsonValues.Any(2).Select(JsonValues.Write);
        return Gen.Frequency(
            (operation.Method is "GET" or "DELETE" ? 30 : 10, Gen.Const((FuzzBody?)null)),
            (operation.JsonBody is null ? 5 : 30, Gen.Select(jsonBody, JsonType, Gen.Frequency((8, Gen.Const(BodyEncoding.Utf8)), (1, Gen.Enum<BodyEncoding>())),
                (text, type, encoding) => (FuzzBody?)new FuzzBody(type, text, encoding))),
            (3, Gen.Select(JsonValues.Nested, JsonType, (text, type) => (FuzzBody?)new FuzzBody(type, text, BodyEncoding.Utf8))),
            (3, Gen.Select(Gen.Char[(char)0, (char)255].Array[0, 2000], JsonType, (bytes, type) => (FuzzBody?)new FuzzBody(type, new string(bytes), BodyEncoding.Bytes))),
            (page ? 25 : 3, Form),
            (operation.Multipart || page ? 20 : 2, Multipart.Valid(formFields)),
            (operation.Multipart || page ? 10 : 2, Multipart.Broken(formFields)));
    }

    private static readonly Gen<string?> JsonType = Gen.Frequency(
        (10, Gen.Const<string?>("application/json")),
        (6, Gen.OneOf<string?>(
            "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
            "application/json; charset=bogus", "application/json; charset=\"utf-8\"", "application/json;;;", "text/plain",
            "application/problem+json", "application/x-www-form-urlencoded", "multipart/form-data", "*/*", "", "text/json; charset=utf-7")),
        (2, Gen.Const((string?)null)));

    private Gen<FuzzBody?> Form
    {
        get
        {
            var name = Gen.Frequency((6, Gen.OneOf(formFields.ToArray())), (1, JsonValues.Text.Select(Escape)));
            var value = Gen.Frequency(
                (4, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.PageValue)),
                (3, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Id)),
                (1, Gen.Int[0, Marker.PoolSize - 1].Select(Marker.Key)),
                (2, Gen.OneOf("true", "false", "sharing", "external", "social", "2030-01-01", "2020-13-45", "", Marker.Secret, Marker.LinkPassword)),
                (2, JsonValues.Text.Select(Escape)),
                (1, Gen.OneOf("%zz", "a%", "%00")));
            var fields = Gen.Select(name, value, (n, v) => n + "=" + v).Array[0, 5];
            var token = Gen.Frequency((1, Gen.Const((string?)null)), (4, Gen.Int[0, 3].Select(i => (string?)Marker.FormToken(i))));
            var type = Gen.Frequency(
                (8, Gen.Const<string?>("application/x-www-form-urlencoded")),
                (2, Gen.OneOf<string?>("application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=bogus", "text/plain", null)));
            return Gen.Select(fields, token, type, (f, t, ct) => (FuzzBody?)new FuzzBody(
                ct, string.Join('&', t is null ? f : [$"__RequestVerificationToken={t}", .. f]), BodyEncoding.Utf8));
        }
    }

    /// <summary>Percent-encoded as a URL part; a lone surrogate (which has no encoding) is dropped.</summary>
    internal static string Escape(string text)
    {
        var kept = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                kept.Append(text, i++, 2);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                kept.Append(text[i]);
            }
        }
        return Uri.EscapeDataString(kept.ToString());
    }

    /// <summary>HTTP header values cannot carry control characters or line breaks; the client refuses to send them.</summary>
    private static string HeaderSafe(string text) => new(text.Where(c => c is >= ' ' and <= '~').ToArray());

    private static Gen<IReadOnlyList<string>> Sequence(Gen<string>[] gens) =>
        gens.Aggregate(Gen.Const((IReadOnlyList<string>)[]), (all, next) => all.SelectMany(list => next.Select(item => (IReadOnlyList<string>)[.. list, item])));
}
