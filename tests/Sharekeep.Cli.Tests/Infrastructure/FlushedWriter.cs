namespace Sharekeep.Cli.Tests.Infrastructure;

/// <summary>Standard output that keeps what had been written at each flush: a command that streams flushes as it goes.</summary>
internal sealed class FlushedWriter : StringWriter
{
    public List<string> Flushes { get; } = [];

    public override void Flush()
    {
        base.Flush();
        Flushes.Add(ToString());
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes.Add(ToString());
        return Task.CompletedTask;
    }
}
