using Sharekeep.Core.Keys;

namespace Sharekeep.Core.Tests;

public sealed class LinkKeyTests
{
    [Fact]
    public void NewKey_CarriesAtLeast128BitsAsUrlSafeText()
    {
        var key = new RandomLinkKeyGenerator().NewKey();

        Assert.True(RandomLinkKeyGenerator.KeyBytes * 8 >= 128);
        Assert.Equal(LinkKeyFormat.Length, key.Length);
        Assert.True(LinkKeyFormat.IsWellFormed(key));
        Assert.Equal(key, Uri.EscapeDataString(key));
    }

    [Fact]
    public void NewKey_NeverRepeatsInTenThousandDraws()
    {
        var generator = new RandomLinkKeyGenerator();

        var keys = Enumerable.Range(0, 10_000).Select(_ => generator.NewKey()).ToHashSet();

        Assert.Equal(10_000, keys.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    public void IsWellFormed_RejectsAnythingButThirtyTwoBase64UrlCharacters(string? key) =>
        Assert.False(LinkKeyFormat.IsWellFormed(key));
}
