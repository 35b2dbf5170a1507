using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Webhooks;

namespace Sharekeep.Server.Native.Webhooks;

/// <summary>
/// Sends one delivery: signed as Standard Webhooks, with short timeouts, no redirect followed, no proxy, and at most
/// <see cref="KeptResponseBytes"/> of the answer read. Unless private receivers are allowed, the connection is made
/// only to a resolved address that is public, checked when connecting (not when the webhook was registered), so a
/// name that later resolves to the host's own network (DNS rebinding) reaches nothing.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    public const int KeptResponseBytes = 1024;

    private readonly HttpClient _client;
    private readonly IWebhookSecretProtector _secrets;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public WebhookSender(IOptions<WebhookOptions> options, IWebhookSecretProtector secrets, TimeProvider time)
    {
        var value = options.Value;
        var allowPrivate = value.AllowPrivateAddresses;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(value.ConnectTimeoutSeconds),
            // A pooled connection keeps the address it was made to: renewed often, so a name's new address is checked soon.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Sharekeep-Webhooks/1");
        _secrets = secrets;
        _time = time;
        _timeout = TimeSpan.FromSeconds(value.TimeoutSeconds);
    }

    public async Task<WebhookAttemptResult> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        string signature;
        try
        {
            signature = WebhookSignature.Sign(_secrets.Unprotect(delivery.ProtectedSecret), delivery.MessageId, at.ToUnixTimeSeconds(), delivery.Body);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return new WebhookAttemptResult(at, null, "The signing secret could not be read (was the key ring or its key-encryption key replaced?).", Elapsed(), null);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var kept = await ReadStartAsync(response, timeout.Token);
            return new WebhookAttemptResult(at, (int)response.StatusCode, null, Elapsed(), kept);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(at, null, $"No answer within {_timeout.TotalSeconds:0} s.", Elapsed(), null);
        }
        catch (HttpRequestException exception)
        {
            return new WebhookAttemptResult(at, null, Describe(exception), Elapsed(), null);
        }
        catch (IOException)
        {
            // The receiver answered and then broke off (a reset, a body cut short): not a success, whatever its status said.
            return new WebhookAttemptResult(at, null, "The answer broke off before its end.", Elapsed(), null);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Resolves the name, keeps the addresses a receiver may have, and connects to one of them (never to another).</summary>
    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        // Also here, not only at registration: a webhook registered before a port was refused reaches nothing either.
        if (!allowPrivate && WebhookAddresses.IsRefusedPort(endPoint.Port))
        {
            throw new RefusedAddressException($"Refused: port {endPoint.Port} is one of a service that is no webhook receiver.");
        }
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(a => !WebhookAddresses.IsRestricted(a))];
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException($"Refused: {endPoint.Host} has no public address (receivers on private addresses need Sharekeep:Webhooks:AllowPrivateAddresses).");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[KeptResponseBytes];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
        // U+0000 is the one character PostgreSQL text cannot hold: kept, it would make the attempt unrecordable.
        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read).Replace('\0', '\uFFFD');
    }

    private static string Describe(HttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refused)
            {
                return refused.Message;
            }
            if (inner is SocketException socket)
            {
                return $"Could not connect: {socket.SocketErrorCode}.";
            }
        }
        return exception.HttpRequestError == HttpRequestError.Unknown ? "The request failed." : $"The request failed: {exception.HttpRequestError}.";
    }

    private sealed class RefusedAddressException(string message) : Exception(message);
}
