using Sharekeep.Core.Activity;

namespace Sharekeep.Core.Tests;

/// <summary>What counts as a person's view and what as a preview (robots, prefetches, continuations).</summary>
public sealed class VisitClassifierTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public void ABrowsersGet_IsAView() => Assert.False(VisitClassifier.IsPreview(new VisitRequest("GET", Firefox)));

    [Fact]
    public void ARequestWithoutUserAgent_IsAView() => Assert.False(VisitClassifier.IsPreview(new VisitRequest("GET", null)));

    [Fact]
    public void Head_IsAPreview() => Assert.True(VisitClassifier.IsPreview(new VisitRequest("HEAD", Firefox)));

    [Theory]
    [InlineData("prefetch")]
    [InlineData("prefetch;prerender")]
    [InlineData("Prefetch; anonymous-client-ip")]
    public void SecPurposePrefetch_IsAPreview(string purpose) =>
        Assert.True(VisitClassifier.IsPreview(new VisitRequest("GET", Firefox, SecPurpose: purpose)));

    [Fact]
    public void PurposePrefetch_IsAPreview() => Assert.True(VisitClassifier.IsPreview(new VisitRequest("GET", Firefox, Purpose: "prefetch")));

    [Theory]
    [InlineData("bytes=0-")]
    [InlineData("bytes=0-1023")]
    [InlineData("bytes=00-99")]
    [InlineData("bytes=0-99, 200-299")]
    public void ARangeFromTheFirstByte_IsAView(string range) =>
        Assert.False(VisitClassifier.IsPreview(new VisitRequest("GET", Firefox, Range: range)));

    [Theory]
    [InlineData("bytes=1024-")]
    [InlineData("bytes=1-1")]
    [InlineData("bytes=-500")]
    [InlineData(" bytes=65536-131071")]
    public void ARangeContinuation_IsAPreview(string range) =>
        Assert.True(VisitClassifier.IsPreview(new VisitRequest("GET", Firefox, Range: range)));

    [Theory]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Slack-ImgProxy (+https://api.slack.com/robots)")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com")]
    [InlineData("Microsoft Office Existence Discovery")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")]
    [InlineData("WhatsApp/2.23.20.0 A")]
    [InlineData("TelegramBot (like TwitterBot)")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("MOZILLA/5.0 (COMPATIBLE; BINGPREVIEW/1.0B)")]
    public void ALinkPreviewAgent_IsAPreview(string agent) => Assert.True(VisitClassifier.IsPreview(new VisitRequest("GET", agent)));

    [Fact]
    public void TeamsOwnBrowser_IsAView() =>
        Assert.False(VisitClassifier.IsPreview(new VisitRequest("GET", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Teams/24295 Chrome/122.0 Safari/537.36")));

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.19.0.41 (like Safari/8619.1.26.30.5, panda)")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0.6668.100 Mobile Safari/537.36 Snapchat/13.12.0.40 (Pixel 8; Android 14#12184282#34; gzip; )")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/128.0.6613.146 Mobile Safari/537.36 Viber/24.1.0.1")]
    public void AnInAppBrowserNamingItsApp_IsAView(string agent) => Assert.False(VisitClassifier.IsPreview(new VisitRequest("GET", agent)));

    [Theory]
    [InlineData("Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots")]
    [InlineData("Snapchat Creative Kit Web Share Google-HTTP-Java-Client/1.32.1 (gzip)")]
    [InlineData("Viber/20.9.0.8 CFNetwork/1410.0.3 Darwin/22.6.0")]
    public void TheSameAppsPreviewFetch_IsAPreview(string agent) => Assert.True(VisitClassifier.IsPreview(new VisitRequest("GET", agent)));

    [Fact]
    public void EveryListedAgent_IsRecognisedInAnyCase()
    {
        foreach (var agent in VisitClassifier.PreviewAgents)
        {
            Assert.True(VisitClassifier.IsPreviewAgent($"Mozilla/5.0 ({agent.ToUpperInvariant()})"), agent);
        }
        foreach (var prefix in VisitClassifier.PreviewAgentPrefixes)
        {
            Assert.True(VisitClassifier.IsPreviewAgent($"{prefix.ToUpperInvariant()}1.0 CFNetwork/1410.0.3"), prefix);
        }
    }

    [Fact]
    public void Days_AreUtcDays()
    {
        var lateInBerlin = new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateOnly(2026, 12, 1), ActivityDay.Of(lateInBerlin));
        Assert.Equal(new DateOnly(2026, 12, 2), ActivityDay.Of(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 1), ActivityDay.Of(new DateTimeOffset(2026, 12, 1, 23, 59, 59, 999, TimeSpan.Zero)));
    }

    [Fact]
    public void VisitorHash_DependsOnSaltAddressAndAgent()
    {
        var salt = new byte[32];
        var other = new byte[32];
        other[0] = 1;
        var hash = VisitorHash.Of(salt, "203.0.113.7", Firefox);

        Assert.Equal(hash, VisitorHash.Of(salt, "203.0.113.7", Firefox));
        Assert.NotEqual(hash, VisitorHash.Of(other, "203.0.113.7", Firefox));
        Assert.NotEqual(hash, VisitorHash.Of(salt, "203.0.113.8", Firefox));
        Assert.NotEqual(hash, VisitorHash.Of(salt, "203.0.113.7", Firefox + " "));
    }

    [Fact]
    public void VisitorHash_IsTheHmacOfAddressAndAgent_WhicheverSaltCameBefore()
    {
        var salt = new byte[32];
        var other = new byte[32];
        other[0] = 1;
        static UInt128 Expected(byte[] key) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(
            System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes("203.0.113.7\n" + Firefox)));

        VisitorHash.Of(salt, "198.51.100.1", "first");
        var afterOther = VisitorHash.Of(other, "203.0.113.7", Firefox);
        var again = VisitorHash.Of(salt, "203.0.113.7", Firefox);
        other[0] = 2;

        Assert.Equal(Expected([.. salt]), again);
        Assert.Equal(Expected([1, .. new byte[31]]), afterOther);
        Assert.Equal(Expected(other), VisitorHash.Of(other, "203.0.113.7", Firefox));
    }

    [Fact]
    public void VisitorHash_OfAHugeUserAgent_IsTheHashOfItsBoundedStart()
    {
        var salt = new byte[32];
        var huge = new string('x', 100_000);

        Assert.Equal(VisitorHash.Of(salt, "203.0.113.7", huge[..VisitorHash.MaxUserAgentChars]), VisitorHash.Of(salt, "203.0.113.7", huge));
    }
}
