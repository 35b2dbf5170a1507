using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Sharekeep.Cli.Api;

/// <summary>
/// Reads the secret named by --secret-file, bounded: a name that points at /dev/zero, a FIFO or a huge file must end the
/// command at once with a usage error, never read without end or wait for a writer that never comes.
/// </summary>
internal static partial class SecretFile
{
    /// <summary>The API secret and keys are well under 100 characters; four KiB is beyond any real one.</summary>
    public const int MaxBytes = 4096;

    /// <summary>
    /// A group- or other-readable file is refused, as ssh refuses such a private key: whoever can read it holds every
    /// scope of the server. The mode and type are read from the opened handle, not from the name, so the file checked
    /// is the file read. A FIFO, socket or terminal cannot seek, and is refused before anything is read from it.
    /// </summary>
    public static string Read(FileInfo file)
    {
        try
        {
            using var handle = Open(file.FullName);
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(handle) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                throw CliFailure.Usage($"The secret file {file.FullName} can be read by other users of this machine; make it yours alone (chmod 600) and use a new secret.");
            }
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            if (!stream.CanSeek)
            {
                throw CliFailure.Usage($"The secret file {file.FullName} is not a regular file (a pipe, socket or terminal); put the secret in a file.");
            }
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }
            if (length > MaxBytes)
            {
                throw CliFailure.Usage($"The secret file {file.FullName} is longer than {MaxBytes} bytes, which no API secret or key is.");
            }
            using var reader = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8);
            return reader.ReadToEnd().Trim();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliFailure.Usage($"The secret file {file.FullName} does not exist.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Usage($"The secret file {file.FullName} cannot be read: {exception.Message}");
        }
    }

    /// <summary>
    /// On Unix the file is opened with O_NONBLOCK, which .NET does not offer: opening a FIFO for reading otherwise
    /// blocks until some writer opens it, which may be never. A regular file ignores the flag.
    /// </summary>
    private static SafeFileHandle Open(string path)
    {
        var nonBlocking = OperatingSystem.IsLinux() ? 0x800 : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x4 : 0;
        if (nonBlocking == 0)
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        }
        var closeOnExec = OperatingSystem.IsLinux() ? 0x80000 : OperatingSystem.IsMacOS() ? 0x1000000 : 0x100000;
        // A terminal given as the file must not become the controlling terminal of a process that has none (a
        // session leader started by a daemon) before the seek check refuses it.
        var noControllingTerminal = OperatingSystem.IsLinux() ? 0x100 : OperatingSystem.IsMacOS() ? 0x20000 : 0x8000;
        var descriptor = OpenFile(path, nonBlocking | closeOnExec | noControllingTerminal);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error == 2 ? new FileNotFoundException(null, path) : new IOException(Marshal.GetPInvokeErrorMessage(error));
        }
        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags);
}
