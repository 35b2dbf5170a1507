namespace Sharekeep.Core.Resources;

/// <summary>What a share link points at.</summary>
public enum ResourceKind
{
    Report = 1,
    Dashboard = 2,
}
