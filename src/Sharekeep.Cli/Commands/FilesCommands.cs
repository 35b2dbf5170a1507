using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Commands;

/// <summary>sharekeep files upload PATH: one file as multipart/form-data (POST /api/v1/files), streamed from disk.</summary>
internal static class FilesCommands
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var path = new Argument<FileInfo>("PATH") { Description = "The file to upload." };
        path.AcceptExistingOnly();
        var contentType = new Option<string?>("--content-type") { Description = "Its media type (default: the server's guess from the name).", HelpName = "TYPE" };
        var upload = new Command("upload", "Uploads a file and prints its id, for links create --file.") { path, contentType };
        globals.SetAction(upload, environment, async (run, cancellationToken) =>
        {
            var file = run.Parse.GetValue(path)!;
            await using var stream = file.OpenRead();
            var counted = new CountingStream(stream);
            var part = new StreamContent(counted);
            if (run.Parse.GetValue(contentType) is { } type)
            {
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }
            var body = new MultipartFormDataContent { { part, "file", file.Name } };
            JsonElement stored;
            await using (Progress.Start(run.Environment, () => $"uploading {file.Name}: {Sizes.Of(counted.BytesRead)} of {Sizes.Of(file.Length)}"))
            {
                stored = (await run.Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/v1/files") { Content = body }, cancellationToken))!.Value;
            }
            run.Printer.Write(stored, () => run.Printer.Pairs([
                ["id", LinksCommands.Text(stored, "id")],
                ["name", LinksCommands.Text(stored, "name")],
                ["type", LinksCommands.Text(stored, "contentType")],
                ["size", Sizes.Of(stored.GetProperty("size").GetInt64())],
                ["sha256", LinksCommands.Text(stored, "sha256")],
            ]));
        });
        return new Command("files", "Uploaded files.") { upload };
    }

    /// <summary>Counts the bytes read from a stream, for the upload's progress line.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            Interlocked.Add(ref _read, read);
            return read;
        }
    }
}

internal static class Sizes
{
    public static string Of(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.0} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB",
    };
}
