namespace Sharekeep.Server.Errors;

/// <summary>
/// A request body that may yield at most <c>limit</c> bytes; reading past them fails as Kestrel's own limit does
/// (413), so the same handler answers it.
/// </summary>
internal sealed class BodyLengthLimit(Stream inner, long limit) : ReadOnlyBody
{
    private long _read;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));


    private int Counted(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }
        return read;
    }
}
