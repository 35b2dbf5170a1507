namespace Sharekeep.Core.Files;

/// <summary>
/// The content store could not keep an upload's bytes: the fault is the server's (a full or failing disk), not the
/// client's, and its message names no path.
/// </summary>
public sealed class ContentStorageException : Exception
{
    public ContentStorageException()
        : this(false, null)
    {
    }

    public ContentStorageException(string message)
        : base(message)
    {
    }

    public ContentStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContentStorageException(bool outOfSpace, Exception? innerException)
        : base(outOfSpace ? "The content store is out of space." : "The content store could not be written.", innerException) =>
        OutOfSpace = outOfSpace;

    /// <summary>The disk (or the user's quota) is full.</summary>
    public bool OutOfSpace { get; }
}
