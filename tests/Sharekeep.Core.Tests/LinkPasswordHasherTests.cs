using Sharekeep.Core.Links;

namespace Sharekeep.Core.Tests;

public sealed class LinkPasswordHasherTests
{
    [Fact]
    public void Verify_WithTheSamePassword_IsTrue()
    {
        var hash = LinkPasswordHasher.Hash("Correct-Horse-9");

        Assert.True(LinkPasswordHasher.Verify("Correct-Horse-9", hash));
    }

    [Fact]
    public void Verify_WithAnotherPassword_IsFalse()
    {
        var hash = LinkPasswordHasher.Hash("Correct-Horse-9");

        Assert.False(LinkPasswordHasher.Verify("correct-horse-9", hash));
    }

    [Fact]
    public void Hash_OfTheSamePasswordTwice_DiffersBecauseOfTheSalt()
    {
        Assert.NotEqual(LinkPasswordHasher.Hash("Correct-Horse-9"), LinkPasswordHasher.Hash("Correct-Horse-9"));
    }

    [Fact]
    public void Hash_NamesPbkdf2WithAtLeast600000Iterations_AndHoldsNoPassword()
    {
        var hash = LinkPasswordHasher.Hash("Correct-Horse-9");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("Horse", hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("md5$1$x$y")]
    [InlineData("pbkdf2-sha256$-5$AAAA$AAAA")]
    public void Verify_AgainstSomethingThatIsNoHash_IsFalse(string stored)
    {
        Assert.False(LinkPasswordHasher.Verify("anything", stored));
    }
}
