using Sharekeep.Core.Shares;

namespace Sharekeep.Core.Tests;

public sealed class ShareKeyTests
{
    [Fact]
    public void NewKey_CarriesAtLeast128BitsAsUrlSafeText()
    {
        var key = new RandomShareKeyGenerator().NewKey();

        Assert.True(RandomShareKeyGenerator.KeyBytes * 8 >= 128);
        Assert.Equal(ShareKeyFormat.Length, key.Length);
        Assert.True(ShareKeyFormat.IsWellFormed(key));
        Assert.Equal(key, Uri.EscapeDataString(key));
    }

    [Fact]
    public void NewKey_NeverRepeatsInTenThousandDraws()
    {
        var generator = new RandomShareKeyGenerator();

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
        Assert.False(ShareKeyFormat.IsWellFormed(key));
}
