using Sharekeep.Core.Files;

namespace Sharekeep.Core.Tests;

public sealed class FileRulesTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("  spaced.txt ", "spaced.txt")]
    [InlineData("C:\\Users\\me\\report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    public void CleanName_KeepsTheLastSegmentTrimmed(string given, string expected)
    {
        Assert.Equal(expected, FileRules.CleanName(given));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dir/")]
    [InlineData("..")]
    [InlineData("bad\nname.txt")]
    [InlineData("invoice\u202Efdp.exe")]
    public void CleanName_RefusesNamesWithNothingUsable(string? given)
    {
        Assert.Null(FileRules.CleanName(given));
    }

    [Fact]
    public void CleanName_RefusesNamesLongerThan255()
    {
        Assert.Null(FileRules.CleanName(new string('a', 256)));
    }

    [Theory]
    [InlineData("TEXT/Plain; charset=UTF-8", "text/plain; charset=utf-8")]
    [InlineData("nonsense", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    public void NormalizeContentType_KeepsWellFormedTypesOnly(string? given, string expected)
    {
        Assert.Equal(expected, FileRules.NormalizeContentType(given));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("application/xml")]
    [InlineData("text/xml; charset=utf-8")]
    [InlineData("application/atom+xml")]
    [InlineData("application/xhtml+xml")]
    public void ActiveContent_HasNoPreview(string contentType)
    {
        Assert.True(FileRules.IsActiveContent(contentType));
        Assert.Equal(PreviewKind.None, FileRules.PreviewOf(contentType));
    }

    [Theory]
    [InlineData("image/png", PreviewKind.Image)]
    [InlineData("application/pdf", PreviewKind.Pdf)]
    [InlineData("text/plain; charset=utf-8", PreviewKind.Text)]
    [InlineData("application/zip", PreviewKind.None)]
    public void PreviewOf_KnowsInertTypes(string contentType, PreviewKind expected)
    {
        Assert.Equal(expected, FileRules.PreviewOf(contentType));
    }

    [Theory]
    [InlineData(PreviewKind.Image, true)]
    [InlineData(PreviewKind.Pdf, true)]
    [InlineData(PreviewKind.Text, false)]
    [InlineData(PreviewKind.None, false)]
    public void PageEmbedsContent_OnlyForImagesAndPdfs(PreviewKind preview, bool embedded)
    {
        Assert.Equal(embedded, FileRules.PageEmbedsContent(preview));
    }
}
