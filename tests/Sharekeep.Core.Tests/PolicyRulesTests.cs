using Sharekeep.Core.Policy;

namespace Sharekeep.Core.Tests;

public sealed class PolicyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Effective_WithNothingStored_IsTheConfiguredValue(bool configured) =>
        Assert.Equal(configured, PolicyRules.Effective(null, configured));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Effective_WithAStoredValue_IsTheStoredValueWhateverTheConfiguration(bool stored, bool configured) =>
        Assert.Equal(stored, PolicyRules.Effective(new StoredSetting(PolicySetting.Sharing, stored, Now), configured));

    [Fact]
    public void Decide_ChangingTheEffectiveValue_WritesAndAuditsOldAndNew()
    {
        var transition = PolicyRules.Decide(PolicySetting.Sharing, null, configured: true, requested: false, Now);

        Assert.Equal(new StoredSetting(PolicySetting.Sharing, false, Now), transition.Write);
        Assert.Equal(new PolicyChange(Now, PolicySetting.Sharing, true, false), transition.Change);
    }

    [Fact]
    public void Decide_RequestingTheConfiguredValue_PinsItWithoutAnAuditEntry()
    {
        var transition = PolicyRules.Decide(PolicySetting.Sharing, null, configured: true, requested: true, Now);

        Assert.Equal(new StoredSetting(PolicySetting.Sharing, true, Now), transition.Write);
        Assert.Null(transition.Change);
    }

    [Fact]
    public void Decide_RequestingTheStoredValue_DoesNothing()
    {
        var stored = new StoredSetting(PolicySetting.Sharing, false, Now.AddDays(-1));

        var transition = PolicyRules.Decide(PolicySetting.Sharing, stored, configured: true, requested: false, Now);

        Assert.Null(transition.Write);
        Assert.Null(transition.Change);
    }

    [Fact]
    public void Decide_OverridingAStoredValue_AuditsFromTheStoredValueNotTheConfiguredOne()
    {
        var stored = new StoredSetting(PolicySetting.Sharing, false, Now.AddDays(-1));

        var transition = PolicyRules.Decide(PolicySetting.Sharing, stored, configured: false, requested: true, Now);

        Assert.Equal(new PolicyChange(Now, PolicySetting.Sharing, false, true), transition.Change);
    }
}
