using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Webhooks;
using Sharekeep.Server.Native.Webhooks;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>
/// One delivery to a receiver that misbehaves: whatever it does, the attempt ends within the overall timeout (1 s
/// here), keeps at most 1 KiB of the answer, follows no redirect and comes back as a result to record.
/// </summary>
public sealed class WebhookHostileReceiverTests : IDisposable
{
    private readonly WebhookSender _sender = new(
        Options.Create(new WebhookOptions { AllowPrivateAddresses = true, ConnectTimeoutSeconds = 1, TimeoutSeconds = 1 }),
        new PlainSecrets(),
        TimeProvider.System);

    public void Dispose() => _sender.Dispose();

    private Task<WebhookAttemptResult> SendAsync(HostileReceiver receiver) =>
        _sender.SendAsync(
            new WebhookDelivery("msg_1", Guid.NewGuid(), receiver.Url, WebhookSignature.NewSecret(), "sharing.switched", "{\"type\":\"sharing.switched\"}", 0, Guid.NewGuid()),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task AReceiverThatNeverAnswers_IsGivenUpAtTheTimeout()
    {
        await using var receiver = HostileReceiver.Start((_, _, ct) => Task.Delay(Timeout.Infinite, ct));

        var result = await SendAsync(receiver);

        Assert.Null(result.StatusCode);
        Assert.Equal("No answer within 1 s.", result.Error);
    }

    [Fact]
    public async Task AReceiverTricklingItsHeaders_IsGivenUpAtTheTimeout()
    {
        await using var receiver = HostileReceiver.Start((_, stream, ct) => HostileReceiver.TrickleAsync(stream, "HTTP/1.1 200 OK\r\nX-Slow: " + new string('a', 4000), ct));

        var result = await SendAsync(receiver);

        Assert.Null(result.StatusCode);
        Assert.Equal("No answer within 1 s.", result.Error);
    }

    [Fact]
    public async Task AReceiverTricklingItsBody_IsGivenUpAtTheTimeout_BodyIncluded()
    {
        await using var receiver = HostileReceiver.Start(async (_, stream, ct) =>
        {
            await HostileReceiver.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", ct);
            await HostileReceiver.TrickleAsync(stream, "x", ct);
        });

        var result = await SendAsync(receiver);

        Assert.False(result.Succeeded);
        Assert.Equal("No answer within 1 s.", result.Error);
    }

    [Fact]
    public async Task AnEndlessRunOfInformationalAnswers_IsGivenUpAtTheTimeout()
    {
        await using var receiver = HostileReceiver.Start(async (_, stream, ct) =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                await HostileReceiver.WriteAsync(stream, "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n", ct);
                await Task.Delay(1, ct);
            }
        });

        var result = await SendAsync(receiver);

        Assert.Null(result.StatusCode);
        Assert.Equal("No answer within 1 s.", result.Error);
    }

    [Fact]
    public async Task AnInformationalAnswerBeforeTheFinalOne_IsPassedOver()
    {
        await using var receiver = HostileReceiver.Answering("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        var result = await SendAsync(receiver);

        Assert.True(result.Succeeded);
        Assert.Equal("ok", result.Response);
    }

    [Fact]
    public async Task AReceiverResettingMidAnswer_IsAFailedAttempt()
    {
        await using var receiver = HostileReceiver.Start(async (socket, stream, ct) =>
        {
            await HostileReceiver.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial", ct);
            await stream.FlushAsync(ct);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });

        var result = await SendAsync(receiver);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task AHugeBody_IsReadOnlyAsFarAsTheKeptStart()
    {
        await using var receiver = HostileReceiver.Start(async (_, stream, ct) =>
        {
            const int length = 8 * 1024 * 1024;
            await HostileReceiver.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n", ct);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'z');
            for (var sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk, ct);
            }
        });

        var result = await SendAsync(receiver);

        Assert.True(result.Succeeded);
        Assert.Equal(new string('z', WebhookSender.KeptResponseBytes), result.Response);
    }

    [Fact]
    public async Task HugeHeaders_AreAFailedAttempt()
    {
        await using var receiver = HostileReceiver.Answering($"HTTP/1.1 200 OK\r\nX-Huge: {new string('h', 200_000)}\r\nContent-Length: 0\r\n\r\n");

        var result = await SendAsync(receiver);

        Assert.Null(result.StatusCode);
        Assert.StartsWith("The request failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_AndIsAFailedAttempt()
    {
        await using var elsewhere = HostileReceiver.Answering("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        await using var receiver = HostileReceiver.Answering($"HTTP/1.1 307 Temporary Redirect\r\nLocation: {elsewhere.Url}\r\nContent-Length: 0\r\n\r\n");

        var result = await SendAsync(receiver);

        Assert.Equal(307, result.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Equal(0, elsewhere.Connections);
    }

    [Fact]
    public async Task NoContent_IsADelivery()
    {
        await using var receiver = HostileReceiver.Answering("HTTP/1.1 204 No Content\r\n\r\n");

        var result = await SendAsync(receiver);

        Assert.True(result.Succeeded);
        Assert.Null(result.Response);
    }

    [Fact]
    public async Task SwitchingProtocolsUnasked_IsAFailedAttempt()
    {
        await using var receiver = HostileReceiver.Start(async (_, stream, ct) =>
        {
            await HostileReceiver.WriteAsync(stream, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", ct);
            await HostileReceiver.TrickleAsync(stream, "y", ct);
        });

        var result = await SendAsync(receiver);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AnAnswerHoldingNulCharacters_IsKeptWithoutThem()
    {
        // PostgreSQL text cannot hold U+0000: kept as it came, the attempt could not be recorded at all.
        await using var receiver = HostileReceiver.Answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nok\0\0!");

        var result = await SendAsync(receiver);

        Assert.True(result.Succeeded);
        Assert.DoesNotContain('\0', result.Response!);
        Assert.StartsWith("ok", result.Response, StringComparison.Ordinal);
    }

    private sealed class PlainSecrets : IWebhookSecretProtector
    {
        public string Protect(string secret) => secret;

        public string Unprotect(string protectedSecret) => protectedSecret;
    }
}
