namespace Sharekeep.Server.Errors;

/// <summary>
/// A request body that must keep arriving: a read that waits longer than <c>idle</c> for its first byte fails with
/// 408. Kestrel's minimum data rate is an average since the body began, so a client that sends a burst and then
/// nothing could hold a connection, a file handle and a half-written upload for many minutes.
/// </summary>
internal sealed class BodyIdleLimit(Stream inner, TimeSpan idle, CancellationToken requestAborted) : ReadOnlyBody
{
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stalled.CancelAfter(idle);
        try
        {
            return await inner.ReadAsync(buffer, stalled.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            throw new BadHttpRequestException("The request body stopped arriving.", StatusCodes.Status408RequestTimeout);
        }
    }
}
