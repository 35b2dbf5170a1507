namespace Sharekeep.Core.Policy;

/// <summary>The switches an administrator controls. Stored by name, so the numbers never matter.</summary>
public enum PolicySetting
{
    /// <summary>Sharing of reports and dashboards.</summary>
    Sharing = 1,

    /// <summary>External (public) links to files.</summary>
    ExternalSharing = 2,

    /// <summary>Publication of file links to social media; in force only while external sharing is on.</summary>
    SocialMedia = 3,
}
