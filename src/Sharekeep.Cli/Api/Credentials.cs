using System.Net;

namespace Sharekeep.Cli.Api;

/// <summary>
/// Where the server is and the secret to send it. The secret never comes from an argument, which every user of the
/// machine can read in ps or /proc: it comes from SHAREKEEP_API_KEY or from a file named by --secret-file.
/// </summary>
internal sealed record Credentials(Uri Server, string Secret)
{
    public const string UrlVariable = "SHAREKEEP_URL";
    public const string SecretVariable = "SHAREKEEP_API_KEY";

    public static Credentials Resolve(Uri? url, FileInfo? secretFile, CliEnvironment environment)
    {
        var server = url ?? FromVariable(environment.Variable(UrlVariable))
            ?? throw CliFailure.Usage($"Give the server's address with --url or {UrlVariable} (e.g. http://127.0.0.1:5080).");
        if (server.Scheme is not ("http" or "https"))
        {
            throw CliFailure.Usage($"The server's address must be http:// or https://, not '{server}'.");
        }
        var secret = secretFile is not null ? SecretFile.Read(secretFile) : environment.Variable(SecretVariable)?.Trim();
        if (string.IsNullOrEmpty(secret))
        {
            throw CliFailure.Usage($"Give the API secret or an API key in {SecretVariable}, or in a file named by --secret-file.");
        }
        if (server.Scheme == "http" && !IsLoopback(server))
        {
            environment.Error.WriteLine($"warning: {server.Host} is reached over plain http: the secret crosses the network unencrypted.");
        }
        return new Credentials(new Uri(server.GetLeftPart(UriPartial.Authority) + server.AbsolutePath.TrimEnd('/') + "/"), secret);
    }

    private static Uri? FromVariable(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ? uri
        : throw CliFailure.Usage($"{UrlVariable} is not an absolute address: '{value}'.");

    private static bool IsLoopback(Uri server) =>
        server.IsLoopback || (IPAddress.TryParse(server.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
