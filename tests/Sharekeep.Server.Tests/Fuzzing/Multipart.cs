using CsCheck;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>multipart/form-data bodies, well-formed and broken, written byte by byte (one char per byte).</summary>
internal static class Multipart
{
    private static readonly Gen<string> Boundaries = Gen.Frequency(
        (6, Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[8, 30].Select(c => "----fuzz" + new string(c))),
        (1, Gen.OneOf("x", "\"quoted boundary\"", new string('b', 100), "with space")));

    private static readonly Gen<string> FileNames = Gen.Frequency(
        (5, Gen.OneOf("notes.txt", "photo.png", "report.pdf", "archive.tar.gz", "noextension")),
        (3, Gen.OneOf("", "../../etc/passwd", "..\\..\\boot.ini", "a\"b.txt", "con", ".hidden", "a/b/c.txt", "\u4e2d\u6587.txt", "name\u202Etxt.exe")),
        (1, Gen.Int[256, 2000].Select(n => new string('n', n) + ".txt")));

    private static readonly Gen<string> PartTypes = Gen.OneOf(
        "text/plain", "image/png", "application/pdf", "application/octet-stream", "text/html", "image/svg+xml", "", "garbage", "text/plain; charset=bogus");

    private static readonly Gen<string> Content = Gen.Frequency(
        (5, Gen.Char[' ', '~'].Array[0, 400].Select(c => new string(c))),
        (3, Gen.Char[(char)0, (char)255].Array[0, 400].Select(c => new string(c))),
        (1, Gen.Int[15_000, 20_000].Select(n => new string('z', n))),
        (1, Gen.Const("")));

    /// <summary>One to three parts: a file (often named "file"), other fields from the pages' forms, the form token.</summary>
    public static Gen<FuzzBody?> Valid(IReadOnlyList<string> fields)
    {
        var name = Gen.Frequency((5, Gen.Const("file")), (2, Gen.OneOf(fields.ToArray())), (1, JsonValues.Text.Select(RequestGens.Escape)));
        var filePart = Gen.Select(name, FileNames, PartTypes, Content, (n, file, type, content) =>
            $"Content-Disposition: form-data; name=\"{n}\"; filename=\"{file}\"\r\n" +
            (type.Length > 0 ? $"Content-Type: {type}\r\n" : "") + "\r\n" + content);
        var fieldPart = Gen.Select(Gen.OneOf(fields.ToArray()), Gen.Int[0, 3], (n, token) =>
            $"Content-Disposition: form-data; name=\"{n}\"\r\n\r\n" + (n == "__RequestVerificationToken" ? Marker.FormToken(token) : Marker.PageValue(token)));
        var tokenPart = Gen.Int[0, 3].Select(i => $"Content-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{Marker.FormToken(i)}");
        var parts = Gen.Select(filePart, Gen.Frequency((3, tokenPart.Array[1]), (1, Gen.Const(Array.Empty<string>()))), fieldPart.Array[0, 2],
            (file, token, more) => (string[])[.. token, file, .. more]);
        return Gen.Select(Boundaries, parts, (boundary, p) => (FuzzBody?)new FuzzBody(
            $"multipart/form-data; boundary={boundary}", Write(boundary.Trim('"'), p, closed: true), BodyEncoding.Bytes));
    }

    /// <summary>The boundary of the header not the body's, the end missing, no boundary at all, a part without headers...</summary>
    public static Gen<FuzzBody?> Broken(IReadOnlyList<string> fields) =>
        Gen.Select(Valid(fields), Gen.Int[0, 6], Gen.Int[0, 10_000], (valid, how, where) =>
        {
            var body = valid!;
            var boundary = body.ContentType!.Split("boundary=")[1].Trim('"');
            return (FuzzBody?)(how switch
            {
                0 => body with { ContentType = "multipart/form-data; boundary=not-the-one" },
                1 => body with { Text = body.Text[..Math.Max(0, body.Text.Length - boundary.Length - 6)] },
                2 => body with { ContentType = "multipart/form-data" },
                3 => body with { Text = Write(boundary, ["no headers here"], closed: true) },
                4 => body with { Text = body.Text[..(where % Math.Max(1, body.Text.Length))] },
                5 => body with { Text = body.Text.Replace("\r\n", "\n", StringComparison.Ordinal) },
                _ => body with { Text = Write(boundary, ["Content-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n" + new string('H', 20_000) + ": v\r\n\r\nx"], closed: true) },
            });
        });

    private static string Write(string boundary, IEnumerable<string> parts, bool closed) =>
        string.Concat(parts.Select(p => $"--{boundary}\r\n{p}\r\n")) + (closed ? $"--{boundary}--\r\n" : "");
}
