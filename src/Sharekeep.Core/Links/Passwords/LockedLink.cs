namespace Sharekeep.Core.Links.Passwords;

/// <summary>A link that takes no password tries until <see cref="LockedUntil"/>, unless an administrator unlocks it.</summary>
public sealed record LockedLink(FileLink Link, int Failures, DateTimeOffset LockedUntil);

/// <summary>A client network whose tries are refused on every link until <see cref="LockedUntil"/>, unless an administrator unlocks it.</summary>
public sealed record LockedNetwork(string Network, int Failures, DateTimeOffset LockedUntil);
