using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;

namespace Sharekeep.Core.Tests;

public sealed class LinkPolicyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static LinkPolicy Files(FileLinkRules rules) => new(rules, ShareRules.None);

    [Fact]
    public void Validate_NoLimits_IsValid() => Assert.True(LinkPolicyRules.Validate(LinkPolicy.None).IsEmpty);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(3661)]
    public void Validate_ALifetimeOutsideOneDayToTenYears_NamesTheField(int days)
    {
        var errors = LinkPolicyRules.Validate(new LinkPolicy(FileLinkRules.None, new ShareRules(null, days)));

        Assert.True(errors.Names("shares.maxLifetimeDays"));
    }

    [Fact]
    public void Validate_ADefaultLongerThanTheMaximum_NamesTheDefault()
    {
        var errors = LinkPolicyRules.Validate(Files(FileLinkRules.None with { DefaultLifetimeDays = 31, MaxLifetimeDays = 30 }));

        Assert.True(errors.Names("fileLinks.defaultLifetimeDays"));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(129)]
    public void Validate_AMinimumPasswordLengthBelowEightOrAboveTheLongestPassword_NamesTheField(int length)
    {
        var errors = LinkPolicyRules.Validate(Files(FileLinkRules.None with { MinPasswordLength = length }));

        Assert.True(errors.Names("fileLinks.minPasswordLength"));
    }

    [Fact]
    public void NewFileLink_WithoutExpiry_GetsTheDefaultLifetime()
    {
        var errors = new ValidationErrors();

        var applied = LinkPolicyRules.ForNewFileLink(FileLinkRules.None with { DefaultLifetimeDays = 7 }, new LinkSettings(), Now, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(Now.AddDays(7), applied.Expires);
    }

    [Fact]
    public void NewFileLink_WithoutExpiry_UnderAMaximumButNoDefault_GetsTheMaximum()
    {
        var errors = new ValidationErrors();

        var applied = LinkPolicyRules.ForNewFileLink(FileLinkRules.None with { MaxLifetimeDays = 30 }, new LinkSettings(), Now, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(Now.AddDays(30), applied.Expires);
    }

    [Fact]
    public void NewFileLink_AskingForMoreThanTheMaximum_IsRefusedNamingTheLimit()
    {
        var errors = new ValidationErrors();

        LinkPolicyRules.ForNewFileLink(
            FileLinkRules.None with { MaxLifetimeDays = 30 }, new LinkSettings { Expires = Now.AddDays(31) }, Now, errors);

        Assert.True(errors.Names("expirationDate"));
        Assert.Contains("fileLinks.maxLifetimeDays", errors.FirstMessage(), StringComparison.Ordinal);
        Assert.Contains("30 days", errors.FirstMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void NewFileLink_AskingForExactlyTheMaximum_IsAccepted()
    {
        var errors = new ValidationErrors();

        LinkPolicyRules.ForNewFileLink(
            FileLinkRules.None with { MaxLifetimeDays = 30 }, new LinkSettings { Expires = Now.AddDays(30) }, Now, errors);

        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void NewFileLink_WithoutPassword_WhenOneIsRequired_IsRefused()
    {
        var errors = new ValidationErrors();

        LinkPolicyRules.ForNewFileLink(FileLinkRules.None with { RequirePassword = true }, new LinkSettings(), Now, errors);

        Assert.True(errors.Names("password"));
        Assert.Contains("fileLinks.requirePassword", errors.FirstMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void NewFileLink_WithAPasswordShorterThanThePolicysMinimum_IsRefused()
    {
        var errors = new ValidationErrors();

        LinkPolicyRules.ForNewFileLink(
            FileLinkRules.None with { MinPasswordLength = 12 }, new LinkSettings { Password = "elevenchars" }, Now, errors);

        Assert.True(errors.Names("password"));
        Assert.Contains("fileLinks.minPasswordLength", errors.FirstMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void NewFileLink_WithAPasswordOfThePolicysMinimum_IsAccepted()
    {
        var errors = new ValidationErrors();

        LinkPolicyRules.ForNewFileLink(
            FileLinkRules.None with { MinPasswordLength = 12, RequirePassword = true }, new LinkSettings { Password = "twelve chars" }, Now, errors);

        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NewFileLink_NotSayingAboutDownloads_TakesThePolicysDefault(bool denyByDefault)
    {
        var applied = LinkPolicyRules.ForNewFileLink(
            FileLinkRules.None with { DenyDownloadByDefault = denyByDefault }, new LinkSettings(), Now, new ValidationErrors());

        Assert.Equal(denyByDefault, applied.DenyDownload);
    }

    [Fact]
    public void NewFileLink_SayingAboutDownloads_KeepsWhatItSaid()
    {
        var applied = LinkPolicyRules.ForNewFileLink(
            FileLinkRules.None with { DenyDownloadByDefault = true }, new LinkSettings { DenyDownload = false }, Now, new ValidationErrors());

        Assert.False(applied.DenyDownload);
    }

    [Fact]
    public void FileLinkChange_RemovingTheRequiredPassword_IsRefused()
    {
        var existing = new FileLink(Guid.NewGuid(), Guid.NewGuid(), "k", "t", null, false, false, "hash", "stamp", Now, null);
        var errors = new ValidationErrors();

        LinkPolicyRules.ForFileLinkChange(FileLinkRules.None with { RequirePassword = true }, new LinkSettings { Password = "" }, existing, Now, errors);

        Assert.True(errors.Names("password"));
    }

    [Fact]
    public void NewShare_WithoutExpiry_GetsTheDefaultLifetime()
    {
        var errors = new ValidationErrors();

        var expires = LinkPolicyRules.ForNewShare(new ShareRules(14, 90), null, Now, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(Now.AddDays(14), expires);
    }

    [Fact]
    public void NewShare_AskingForMoreThanTheMaximum_IsRefusedNamingTheLimit()
    {
        var errors = new ValidationErrors();

        LinkPolicyRules.ForNewShare(new ShareRules(null, 90), Now.AddDays(91), Now, errors);

        Assert.True(errors.Names("expires"));
        Assert.Contains("shares.maxLifetimeDays", errors.FirstMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RepeatingTheStoredPolicy_DoesNothing()
    {
        var policy = Files(FileLinkRules.None with { MaxLifetimeDays = 30 });

        var transition = LinkPolicyRules.Decide(new StoredLinkPolicy(policy, Now), LinkPolicy.None, policy, Now.AddHours(1));

        Assert.Null(transition.Write);
        Assert.Null(transition.Change);
    }

    [Fact]
    public void Decide_ANewPolicy_WritesAndAuditsOldAndNew()
    {
        var policy = Files(FileLinkRules.None with { MaxLifetimeDays = 30 });

        var transition = LinkPolicyRules.Decide(null, LinkPolicy.None, policy, Now);

        Assert.Equal(new StoredLinkPolicy(policy, Now), transition.Write);
        Assert.Equal(new LinkPolicyChange(Now, LinkPolicy.None, policy), transition.Change);
    }

    [Fact]
    public void Decide_TheConfiguredPolicy_PinsItWithoutAnAuditEntry()
    {
        var configured = Files(FileLinkRules.None with { RequirePassword = true });

        var transition = LinkPolicyRules.Decide(null, configured, configured, Now);

        Assert.NotNull(transition.Write);
        Assert.Null(transition.Change);
    }

    [Fact]
    public void ViolationsOf_ALinkThatNeverExpiresWithoutPassword_BreaksTheMaximumAndThePassword()
    {
        var link = new FileLink(Guid.NewGuid(), Guid.NewGuid(), "k", "t", null, false, false, null, null, Now, null);

        var broken = LinkPolicyRules.ViolationsOf(link, FileLinkRules.None with { MaxLifetimeDays = 30, RequirePassword = true }, Now);

        Assert.Equal(["fileLinks.maxLifetimeDays", "fileLinks.requirePassword"], broken);
    }

    [Fact]
    public void ViolationsOf_ALinkWithinTheMaximum_BreaksNothing()
    {
        var link = new FileLink(Guid.NewGuid(), Guid.NewGuid(), "k", "t", Now.AddDays(10), false, false, null, null, Now, null);

        Assert.Empty(LinkPolicyRules.ViolationsOf(link, FileLinkRules.None with { MaxLifetimeDays = 30 }, Now));
    }
}
