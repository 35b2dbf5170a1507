namespace Sharekeep.Core.Policy;

/// <summary>The switches an administrator controls. Stored by name, so the numbers never matter.</summary>
public enum PolicySetting
{
    /// <summary>Sharing of reports and dashboards.</summary>
    Sharing = 1,
}
