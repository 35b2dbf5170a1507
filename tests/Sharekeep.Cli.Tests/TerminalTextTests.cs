using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Tests;

/// <summary>What the server sends is shown, not obeyed: no escape sequence reaches the terminal.</summary>
public sealed class TerminalTextTests
{
    [Fact]
    public void AnEscapeSequenceInAName_IsShownAsText()
    {
        Assert.Equal("\\u001b[2Jrevoked", TerminalText.Safe("\u001b[2Jrevoked"));
    }

    [Fact]
    public void ADirectionOverride_IsShownAsText()
    {
        Assert.Equal("invoice\\u202etxt.exe", TerminalText.Safe("invoice\u202etxt.exe"));
    }

    [Fact]
    public void LineBreaks_StayInAMessageTheToolLaidOut_AndNowhereElse()
    {
        Assert.Equal("title\n  field: bad", TerminalText.Safe("title\n  field: bad", lines: true));
        Assert.Equal("a\\u000ab", TerminalText.Safe("a\nb"));
    }

    [Fact]
    public void TableCells_AreMadeSafe()
    {
        using var output = new StringWriter();

        TextTable.Write(output, ["name"], [["\u001b]8;;http://evil\u0007click"]]);

        Assert.DoesNotContain('\u001b', output.ToString());
    }
}
