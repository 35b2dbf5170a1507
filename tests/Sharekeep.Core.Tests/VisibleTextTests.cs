namespace Sharekeep.Core.Tests;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("report\u2066.pdf")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("soft\u00ADhyphen")]
    [InlineData("bom\uFEFF")]
    [InlineData("tag\U000E0041")]
    public void HiddenFormatting_IsFound(string text)
    {
        Assert.True(VisibleText.HasHiddenFormatting(text));
    }

    [Theory]
    [InlineData("Quarterly sales.xlsx")]
    [InlineData("مهرداد\u200Cها")]
    [InlineData("👩\u200D💻 notes")]
    [InlineData("Größe – 日本語")]
    public void VisibleText_AndTheJoinersScriptsNeed_AreAllowed(string text)
    {
        Assert.False(VisibleText.HasHiddenFormatting(text));
    }
}
